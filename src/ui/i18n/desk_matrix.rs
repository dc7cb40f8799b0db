//! The desk's matrix panel strings (`desk::matrix_panel`, `desk::matrix_link_form`). Templates
//! use `{…}` placeholders, filled with [`super::fill`]: `{link}` is a link's name
//! ([`DeskMatrixStrings::link_name`]: `{line}` × `{sdg}`), `{target}` a target id.

use crate::model::Lang;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskMatrixStrings {
    pub heading: &'static str,
    pub filter: &'static str,
    pub every_line: &'static str,
    pub caption: &'static str,
    pub action_line: &'static str,
    pub sdg: &'static str,
    pub targets: &'static str,
    pub agreement: &'static str,
    pub rationale: &'static str,
    pub actions: &'static str,
    /// `{line}`, `{sdg}`.
    pub link_name: &'static str,
    /// `{link}`.
    pub edit_link: &'static str,
    /// `{link}`.
    pub remove_link: &'static str,
    /// `{link}`: the form's heading.
    pub form_heading: &'static str,
    pub no_targets: &'static str,
    /// `{target}`.
    pub remove_target: &'static str,
    pub add_target: &'static str,
    pub choose_target: &'static str,
    pub rationale_label: &'static str,
    pub agreement_all: &'static str,
    pub agreement_majority: &'static str,
    pub close_form: &'static str,
    pub add_heading: &'static str,
    pub add_link: &'static str,
    /// `{link}`.
    pub already_linked: &'static str,
}

static EN: DeskMatrixStrings = DeskMatrixStrings {
    heading: "Matrix links",
    filter: "Show the links of",
    every_line: "every Action Line",
    caption: "Links of the matrix file",
    action_line: "Action Line",
    sdg: "SDG",
    targets: "Targets",
    agreement: "Agreement",
    rationale: "Rationale",
    actions: "Actions",
    link_name: "{line} × SDG {sdg}",
    edit_link: "Edit {link}",
    remove_link: "Remove {link}",
    form_heading: "Link {link}",
    no_targets: "No target cited.",
    remove_target: "Remove target {target}",
    add_target: "Add a target",
    choose_target: "Choose a target or a whole goal…",
    rationale_label: "Rationale (its gist, in English)",
    agreement_all: "all: in the three encodings",
    agreement_majority: "majority: in two of three",
    close_form: "Close the link",
    add_heading: "Add a link",
    add_link: "Add link",
    already_linked: "{link} is linked already.",
};

static FR: DeskMatrixStrings = DeskMatrixStrings {
    heading: "Liens de la matrice",
    filter: "Afficher les liens de",
    every_line: "toutes les grandes orientations",
    caption: "Liens du fichier de la matrice",
    action_line: "Grande orientation",
    sdg: "ODD",
    targets: "Cibles",
    agreement: "Accord",
    rationale: "Justification",
    actions: "Actions",
    link_name: "{line} × ODD {sdg}",
    edit_link: "Modifier {link}",
    remove_link: "Supprimer {link}",
    form_heading: "Lien {link}",
    no_targets: "Aucune cible citée.",
    remove_target: "Retirer la cible {target}",
    add_target: "Ajouter une cible",
    choose_target: "Choisir une cible ou un objectif entier…",
    rationale_label: "Justification (résumé, en anglais)",
    agreement_all: "all : dans les trois codages",
    agreement_majority: "majority : dans deux sur trois",
    close_form: "Fermer le lien",
    add_heading: "Ajouter un lien",
    add_link: "Ajouter le lien",
    already_linked: "{link} est déjà lié.",
};

static ES: DeskMatrixStrings = DeskMatrixStrings {
    heading: "Vínculos de la matriz",
    filter: "Mostrar los vínculos de",
    every_line: "todas las líneas de acción",
    caption: "Vínculos del archivo de la matriz",
    action_line: "Línea de acción",
    sdg: "ODS",
    targets: "Metas",
    agreement: "Acuerdo",
    rationale: "Justificación",
    actions: "Acciones",
    link_name: "{line} × ODS {sdg}",
    edit_link: "Editar {link}",
    remove_link: "Eliminar {link}",
    form_heading: "Vínculo {link}",
    no_targets: "Ninguna meta citada.",
    remove_target: "Quitar la meta {target}",
    add_target: "Añadir una meta",
    choose_target: "Elegir una meta o un objetivo entero…",
    rationale_label: "Justificación (resumen, en inglés)",
    agreement_all: "all: en las tres codificaciones",
    agreement_majority: "majority: en dos de tres",
    close_form: "Cerrar el vínculo",
    add_heading: "Añadir un vínculo",
    add_link: "Añadir vínculo",
    already_linked: "{link} ya está vinculado.",
};

static RU: DeskMatrixStrings = DeskMatrixStrings {
    heading: "Связи матрицы",
    filter: "Показать связи",
    every_line: "всех направлений деятельности",
    caption: "Связи файла матрицы",
    action_line: "Направление деятельности",
    sdg: "ЦУР",
    targets: "Задачи",
    agreement: "Согласие",
    rationale: "Обоснование",
    actions: "Действия",
    link_name: "{line} × ЦУР {sdg}",
    edit_link: "Изменить {link}",
    remove_link: "Удалить {link}",
    form_heading: "Связь {link}",
    no_targets: "Задачи не указаны.",
    remove_target: "Убрать задачу {target}",
    add_target: "Добавить задачу",
    choose_target: "Выберите задачу или целую цель…",
    rationale_label: "Обоснование (суть, на английском)",
    agreement_all: "all: во всех трёх кодировках",
    agreement_majority: "majority: в двух из трёх",
    close_form: "Закрыть связь",
    add_heading: "Добавить связь",
    add_link: "Добавить связь",
    already_linked: "{link} уже есть.",
};

static ZH: DeskMatrixStrings = DeskMatrixStrings {
    heading: "矩阵关联",
    filter: "显示以下行动方针的关联",
    every_line: "所有行动方针",
    caption: "矩阵文件的关联",
    action_line: "行动方针",
    sdg: "可持续发展目标",
    targets: "具体目标",
    agreement: "一致程度",
    rationale: "理由",
    actions: "操作",
    link_name: "{line} × 可持续发展目标 {sdg}",
    edit_link: "编辑 {link}",
    remove_link: "删除 {link}",
    form_heading: "关联 {link}",
    no_targets: "未引用具体目标。",
    remove_target: "移除具体目标 {target}",
    add_target: "添加具体目标",
    choose_target: "选择具体目标或整个目标…",
    rationale_label: "理由（要点，英文）",
    agreement_all: "all：三种编码均有",
    agreement_majority: "majority：三种编码中有两种",
    close_form: "关闭此关联",
    add_heading: "添加关联",
    add_link: "添加关联",
    already_linked: "{link} 已有关联。",
};

static AR: DeskMatrixStrings = DeskMatrixStrings {
    heading: "روابط المصفوفة",
    filter: "عرض روابط",
    every_line: "جميع خطوط العمل",
    caption: "روابط ملف المصفوفة",
    action_line: "خط العمل",
    sdg: "هدف التنمية المستدامة",
    targets: "الغايات",
    agreement: "الاتفاق",
    rationale: "المسوّغ",
    actions: "الإجراءات",
    link_name: "{line} × هدف التنمية المستدامة {sdg}",
    edit_link: "تعديل {link}",
    remove_link: "حذف {link}",
    form_heading: "الرابط {link}",
    no_targets: "لا توجد غاية مستشهد بها.",
    remove_target: "إزالة الغاية {target}",
    add_target: "إضافة غاية",
    choose_target: "اختر غاية أو هدفًا كاملًا…",
    rationale_label: "المسوّغ (خلاصته، بالإنجليزية)",
    agreement_all: "all: في الترميزات الثلاثة",
    agreement_majority: "majority: في اثنين من ثلاثة",
    close_form: "إغلاق الرابط",
    add_heading: "إضافة رابط",
    add_link: "إضافة الرابط",
    already_linked: "{link} مرتبط بالفعل.",
};

pub fn desk_matrix_strings(lang: Lang) -> &'static DeskMatrixStrings {
    match lang {
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ru => &RU,
        Lang::Es => &ES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_keeps_the_english_placeholders() {
        crate::ui::i18n::test_support::assert_same_placeholders(desk_matrix_strings);
    }
}
