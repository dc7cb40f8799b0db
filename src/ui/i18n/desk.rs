//! The data desk's strings (`www/desk.html`), one table per language. Apart from the widgets'
//! tables: reader bundles never show them (the linker drops them there). Templates use `{…}`
//! placeholders, filled with [`super::fill`]. The problems' own messages come from the model's
//! validators and the CSV import, which speak English (as the xtask commands do).

use super::Plural;
use crate::model::Lang;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub open_label: &'static str,
    pub drop_hint: &'static str,
    pub language: &'static str,
    pub forum_file: &'static str,
    pub sheet_file: &'static str,
    pub none_open: &'static str,
    /// `{n}`: sessions in the forum file.
    pub sessions: Plural,
    pub problems_heading: &'static str,
    pub no_problems: &'static str,
    /// `{n}`: how many problems.
    pub problems_count: Plural,
    pub undo: &'static str,
    pub redo: &'static str,
    pub sheet_caption: &'static str,
    pub row: &'static str,
    pub actions: &'static str,
    /// `{column}`, `{row}`: a cell's accessible name.
    pub cell_label: &'static str,
    /// `{row}`: the spreadsheet's row number.
    pub remove_row: &'static str,
    /// `{row}`: a whole row, in the problem list.
    pub row_number: &'static str,
    pub add_row: &'static str,
    /// A list cell's chooser (Action Lines, SDGs).
    pub choose: &'static str,
    /// `{column}`, `{row}`: the chooser's accessible name; starts with `choose`'s text.
    pub choose_label: &'static str,
    pub import: &'static str,
    pub import_needs_forum: &'static str,
    pub import_blocked: &'static str,
    pub close_sheet: &'static str,
    pub download_forum: &'static str,
    pub download_csv: &'static str,
    pub preview_heading: &'static str,
    pub preview_none: &'static str,
    pub preview_pending: &'static str,
    pub restore_prompt: &'static str,
    pub restore: &'static str,
    pub discard: &'static str,
    pub header_row: &'static str,
    pub whole_file: &'static str,
}

static EN: DeskStrings = DeskStrings {
    title: "Data desk",
    intro: "Open the forum file and a sessions spreadsheet (CSV), fix what is flagged, check the preview and download the file to publish. Nothing leaves this browser.",
    open_label: "Open files (forum .json or sessions .csv)",
    drop_hint: "or drop them anywhere on this page.",
    language: "Language",
    forum_file: "Forum file",
    sheet_file: "Sessions spreadsheet",
    none_open: "none open",
    sessions: Plural { zero: None, one: Some("{n} session"), two: None, few: None, many: None, other: "{n} sessions" },
    problems_heading: "Problems",
    no_problems: "No problems found.",
    problems_count: Plural { zero: None, one: Some("{n} problem"), two: None, few: None, many: None, other: "{n} problems" },
    undo: "Undo",
    redo: "Redo",
    sheet_caption: "Sessions to import",
    row: "Row",
    actions: "Actions",
    cell_label: "{column}, row {row}",
    remove_row: "Remove row {row}",
    row_number: "row {row}",
    add_row: "Add a row",
    choose: "Choose",
    choose_label: "Choose {column}, row {row}",
    import: "Import into the forum file",
    import_needs_forum: "Open the forum file to import into.",
    import_blocked: "Fix every problem first: nothing is imported while one is left.",
    close_sheet: "Close the spreadsheet",
    download_forum: "Download the forum file",
    download_csv: "Download the spreadsheet (CSV)",
    preview_heading: "Preview",
    preview_none: "Open a forum file to see the widget.",
    preview_pending: "The preview includes the spreadsheet's sessions, not imported yet.",
    restore_prompt: "Unsaved work from an earlier visit was kept in this browser.",
    restore: "Restore it",
    discard: "Discard it",
    header_row: "header row",
    whole_file: "whole file",
};

static FR: DeskStrings = DeskStrings {
    title: "Bureau des données",
    intro: "Ouvrez le fichier du Forum et un tableur de sessions (CSV), corrigez ce qui est signalé, vérifiez l’aperçu et téléchargez le fichier à publier. Rien ne quitte ce navigateur.",
    open_label: "Ouvrir des fichiers (Forum .json ou sessions .csv)",
    drop_hint: "ou déposez-les n’importe où sur cette page.",
    language: "Langue",
    forum_file: "Fichier du Forum",
    sheet_file: "Tableur des sessions",
    none_open: "aucun ouvert",
    sessions: Plural { zero: None, one: Some("{n} session"), two: None, few: None, many: Some("{n} sessions"), other: "{n} sessions" },
    problems_heading: "Problèmes",
    no_problems: "Aucun problème trouvé.",
    problems_count: Plural { zero: None, one: Some("{n} problème"), two: None, few: None, many: Some("{n} problèmes"), other: "{n} problèmes" },
    undo: "Annuler",
    redo: "Rétablir",
    sheet_caption: "Sessions à importer",
    row: "Ligne",
    actions: "Actions",
    cell_label: "{column}, ligne {row}",
    remove_row: "Supprimer la ligne {row}",
    row_number: "ligne {row}",
    add_row: "Ajouter une ligne",
    choose: "Choisir",
    choose_label: "Choisir {column}, ligne {row}",
    import: "Importer dans le fichier du Forum",
    import_needs_forum: "Ouvrez le fichier du Forum dans lequel importer.",
    import_blocked: "Corrigez d’abord chaque problème : rien n’est importé tant qu’il en reste un.",
    close_sheet: "Fermer le tableur",
    download_forum: "Télécharger le fichier du Forum",
    download_csv: "Télécharger le tableur (CSV)",
    preview_heading: "Aperçu",
    preview_none: "Ouvrez un fichier du Forum pour voir le widget.",
    preview_pending: "L’aperçu comprend les sessions du tableur, pas encore importées.",
    restore_prompt: "Un travail non enregistré d’une visite précédente a été conservé dans ce navigateur.",
    restore: "Le restaurer",
    discard: "L’abandonner",
    header_row: "ligne d’en-tête",
    whole_file: "fichier entier",
};

static ES: DeskStrings = DeskStrings {
    title: "Mesa de datos",
    intro: "Abra el archivo del Foro y una hoja de cálculo de sesiones (CSV), corrija lo señalado, revise la vista previa y descargue el archivo para publicarlo. Nada sale de este navegador.",
    open_label: "Abrir archivos (Foro .json o sesiones .csv)",
    drop_hint: "o suéltelos en cualquier lugar de esta página.",
    language: "Idioma",
    forum_file: "Archivo del Foro",
    sheet_file: "Hoja de cálculo de sesiones",
    none_open: "ninguno abierto",
    sessions: Plural { zero: None, one: Some("{n} sesión"), two: None, few: None, many: Some("{n} sesiones"), other: "{n} sesiones" },
    problems_heading: "Problemas",
    no_problems: "No se encontró ningún problema.",
    problems_count: Plural { zero: None, one: Some("{n} problema"), two: None, few: None, many: Some("{n} problemas"), other: "{n} problemas" },
    undo: "Deshacer",
    redo: "Rehacer",
    sheet_caption: "Sesiones por importar",
    row: "Fila",
    actions: "Acciones",
    cell_label: "{column}, fila {row}",
    remove_row: "Quitar la fila {row}",
    row_number: "fila {row}",
    add_row: "Añadir una fila",
    choose: "Elegir",
    choose_label: "Elegir {column}, fila {row}",
    import: "Importar al archivo del Foro",
    import_needs_forum: "Abra el archivo del Foro al que importar.",
    import_blocked: "Corrija primero cada problema: no se importa nada mientras quede alguno.",
    close_sheet: "Cerrar la hoja de cálculo",
    download_forum: "Descargar el archivo del Foro",
    download_csv: "Descargar la hoja de cálculo (CSV)",
    preview_heading: "Vista previa",
    preview_none: "Abra un archivo del Foro para ver el widget.",
    preview_pending: "La vista previa incluye las sesiones de la hoja, aún no importadas.",
    restore_prompt: "Se conservó en este navegador un trabajo sin guardar de una visita anterior.",
    restore: "Restaurarlo",
    discard: "Descartarlo",
    header_row: "fila de encabezado",
    whole_file: "archivo entero",
};

static RU: DeskStrings = DeskStrings {
    title: "Стол данных",
    intro: "Откройте файл Форума и таблицу сессий (CSV), исправьте отмеченное, проверьте предпросмотр и скачайте файл для публикации. Ничто не покидает этот браузер.",
    open_label: "Открыть файлы (Форум .json или сессии .csv)",
    drop_hint: "или перетащите их в любое место страницы.",
    language: "Язык",
    forum_file: "Файл Форума",
    sheet_file: "Таблица сессий",
    none_open: "не открыт",
    sessions: Plural { zero: None, one: Some("{n} сессия"), two: None, few: Some("{n} сессии"), many: Some("{n} сессий"), other: "{n} сессии" },
    problems_heading: "Проблемы",
    no_problems: "Проблем не найдено.",
    problems_count: Plural { zero: None, one: Some("{n} проблема"), two: None, few: Some("{n} проблемы"), many: Some("{n} проблем"), other: "{n} проблемы" },
    undo: "Отменить",
    redo: "Повторить",
    sheet_caption: "Сессии для импорта",
    row: "Строка",
    actions: "Действия",
    cell_label: "{column}, строка {row}",
    remove_row: "Удалить строку {row}",
    row_number: "строка {row}",
    add_row: "Добавить строку",
    choose: "Выбрать",
    choose_label: "Выбрать {column}, строка {row}",
    import: "Импортировать в файл Форума",
    import_needs_forum: "Откройте файл Форума, в который нужно импортировать.",
    import_blocked: "Сначала исправьте все проблемы: пока остаётся хотя бы одна, ничего не импортируется.",
    close_sheet: "Закрыть таблицу",
    download_forum: "Скачать файл Форума",
    download_csv: "Скачать таблицу (CSV)",
    preview_heading: "Предпросмотр",
    preview_none: "Откройте файл Форума, чтобы увидеть виджет.",
    preview_pending: "Предпросмотр включает сессии из таблицы, ещё не импортированные.",
    restore_prompt: "Несохранённая работа с прошлого посещения сохранена в этом браузере.",
    restore: "Восстановить",
    discard: "Отбросить",
    header_row: "строка заголовков",
    whole_file: "весь файл",
};

static ZH: DeskStrings = DeskStrings {
    title: "数据工作台",
    intro: "打开论坛文件和会议电子表格（CSV），修正标出的问题，检查预览，然后下载要发布的文件。所有内容都不会离开本浏览器。",
    open_label: "打开文件（论坛 .json 或会议 .csv）",
    drop_hint: "或将文件拖放到本页任意位置。",
    language: "语言",
    forum_file: "论坛文件",
    sheet_file: "会议电子表格",
    none_open: "未打开",
    sessions: Plural::invariable("{n} 场会议"),
    problems_heading: "问题",
    no_problems: "未发现问题。",
    problems_count: Plural::invariable("{n} 个问题"),
    undo: "撤销",
    redo: "重做",
    sheet_caption: "待导入的会议",
    row: "行",
    actions: "操作",
    cell_label: "{column}，第 {row} 行",
    remove_row: "删除第 {row} 行",
    row_number: "第 {row} 行",
    add_row: "添加一行",
    choose: "选择",
    choose_label: "选择 {column}，第 {row} 行",
    import: "导入到论坛文件",
    import_needs_forum: "请先打开要导入的论坛文件。",
    import_blocked: "请先修正所有问题：只要还有问题，就不会导入任何内容。",
    close_sheet: "关闭电子表格",
    download_forum: "下载论坛文件",
    download_csv: "下载电子表格（CSV）",
    preview_heading: "预览",
    preview_none: "打开论坛文件即可看到小部件。",
    preview_pending: "预览包含电子表格中尚未导入的会议。",
    restore_prompt: "本浏览器保存了上次访问时未保存的工作。",
    restore: "恢复",
    discard: "放弃",
    header_row: "标题行",
    whole_file: "整个文件",
};

static AR: DeskStrings = DeskStrings {
    title: "مكتب البيانات",
    intro: "افتح ملف المنتدى وجدول الجلسات (CSV)، وصحّح ما يُشار إليه، وتحقق من المعاينة، ثم نزّل الملف لنشره. لا يغادر أي شيء هذا المتصفح.",
    open_label: "فتح ملفات (المنتدى ‎.json أو الجلسات ‎.csv)",
    drop_hint: "أو أفلتها في أي مكان من هذه الصفحة.",
    language: "اللغة",
    forum_file: "ملف المنتدى",
    sheet_file: "جدول الجلسات",
    none_open: "لا شيء مفتوح",
    sessions: Plural { zero: Some("لا جلسات"), one: Some("جلسة واحدة"), two: Some("جلستان"), few: Some("{n} جلسات"), many: Some("{n} جلسة"), other: "{n} جلسة" },
    problems_heading: "المشكلات",
    no_problems: "لم يُعثر على أي مشكلة.",
    problems_count: Plural { zero: Some("لا مشكلات"), one: Some("مشكلة واحدة"), two: Some("مشكلتان"), few: Some("{n} مشكلات"), many: Some("{n} مشكلة"), other: "{n} مشكلة" },
    undo: "تراجع",
    redo: "إعادة",
    sheet_caption: "الجلسات المراد استيرادها",
    row: "الصف",
    actions: "إجراءات",
    cell_label: "{column}، الصف {row}",
    remove_row: "حذف الصف {row}",
    row_number: "الصف {row}",
    add_row: "إضافة صف",
    choose: "اختيار",
    choose_label: "اختيار {column}، الصف {row}",
    import: "استيراد إلى ملف المنتدى",
    import_needs_forum: "افتح ملف المنتدى المراد الاستيراد إليه.",
    import_blocked: "صحّح كل المشكلات أولاً: لا يُستورد شيء ما دامت هناك مشكلة.",
    close_sheet: "إغلاق الجدول",
    download_forum: "تنزيل ملف المنتدى",
    download_csv: "تنزيل الجدول (CSV)",
    preview_heading: "معاينة",
    preview_none: "افتح ملف المنتدى لرؤية الأداة.",
    preview_pending: "تتضمن المعاينة جلسات الجدول التي لم تُستورد بعد.",
    restore_prompt: "احتُفظ في هذا المتصفح بعمل غير محفوظ من زيارة سابقة.",
    restore: "استعادته",
    discard: "تجاهله",
    header_row: "صف العناوين",
    whole_file: "الملف كله",
};

/// The desk's strings in `lang`.
pub fn desk_strings(lang: Lang) -> &'static DeskStrings {
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
        let en = serde_json::to_value(desk_strings(Lang::En)).unwrap();
        for lang in Lang::ALL {
            let table = serde_json::to_value(desk_strings(lang)).unwrap();
            for (key, value) in en.as_object().unwrap() {
                for holder in ["{column}", "{row}"] {
                    if value.as_str().is_some_and(|v| v.contains(holder)) {
                        assert!(table[key].as_str().unwrap().contains(holder), "{lang:?} {key}");
                    }
                }
                if key == "sessions" || key == "problems_count" {
                    assert!(table[key]["other"].as_str().unwrap().contains("{n}"), "{lang:?} {key}");
                }
            }
        }
    }
}
