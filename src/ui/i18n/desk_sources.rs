//! The desk's source picker strings (`desk::source_picker`): citing a file's shared sources and
//! adding one. Apart from `desk.rs` so that the slices of the desk merge without conflicts.

use crate::model::Lang;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskSourcesStrings {
    /// The list of checkboxes: the sources a record cites.
    pub sources: &'static str,
    pub no_sources: &'static str,
    /// A cited id the file's sources list does not have.
    pub unknown_source: &'static str,
    pub add_source: &'static str,
    pub new_title: &'static str,
    pub new_url: &'static str,
    pub new_url_optional: &'static str,
    pub add_and_cite: &'static str,
    pub empty_title: &'static str,
    pub not_http: &'static str,
    pub url_required: &'static str,
}

static EN: DeskSourcesStrings = DeskSourcesStrings {
    sources: "Sources cited",
    no_sources: "This file has no sources yet.",
    unknown_source: "not in the sources list",
    add_source: "Add a source",
    new_title: "Source title",
    new_url: "Source address (http or https)",
    new_url_optional: "Source address (http or https, optional)",
    add_and_cite: "Add and cite",
    empty_title: "A source needs a title.",
    not_http: "The address must start with http:// or https://.",
    url_required: "This file's sources need an address.",
};

static FR: DeskSourcesStrings = DeskSourcesStrings {
    sources: "Sources citées",
    no_sources: "Ce fichier n’a pas encore de sources.",
    unknown_source: "absente de la liste des sources",
    add_source: "Ajouter une source",
    new_title: "Titre de la source",
    new_url: "Adresse de la source (http ou https)",
    new_url_optional: "Adresse de la source (http ou https, facultative)",
    add_and_cite: "Ajouter et citer",
    empty_title: "Une source doit avoir un titre.",
    not_http: "L’adresse doit commencer par http:// ou https://.",
    url_required: "Les sources de ce fichier doivent avoir une adresse.",
};

static ES: DeskSourcesStrings = DeskSourcesStrings {
    sources: "Fuentes citadas",
    no_sources: "Este archivo aún no tiene fuentes.",
    unknown_source: "no figura en la lista de fuentes",
    add_source: "Añadir una fuente",
    new_title: "Título de la fuente",
    new_url: "Dirección de la fuente (http o https)",
    new_url_optional: "Dirección de la fuente (http o https, opcional)",
    add_and_cite: "Añadir y citar",
    empty_title: "Una fuente necesita un título.",
    not_http: "La dirección debe empezar por http:// o https://.",
    url_required: "Las fuentes de este archivo necesitan una dirección.",
};

static RU: DeskSourcesStrings = DeskSourcesStrings {
    sources: "Цитируемые источники",
    no_sources: "В этом файле ещё нет источников.",
    unknown_source: "нет в списке источников",
    add_source: "Добавить источник",
    new_title: "Название источника",
    new_url: "Адрес источника (http или https)",
    new_url_optional: "Адрес источника (http или https, необязательно)",
    add_and_cite: "Добавить и процитировать",
    empty_title: "У источника должно быть название.",
    not_http: "Адрес должен начинаться с http:// или https://.",
    url_required: "У источников этого файла должен быть адрес.",
};

static ZH: DeskSourcesStrings = DeskSourcesStrings {
    sources: "引用的来源",
    no_sources: "此文件尚无来源。",
    unknown_source: "不在来源列表中",
    add_source: "添加来源",
    new_title: "来源标题",
    new_url: "来源网址（http 或 https）",
    new_url_optional: "来源网址（http 或 https，可选）",
    add_and_cite: "添加并引用",
    empty_title: "来源需要标题。",
    not_http: "网址必须以 http:// 或 https:// 开头。",
    url_required: "此文件的来源需要网址。",
};

static AR: DeskSourcesStrings = DeskSourcesStrings {
    sources: "المصادر المستشهد بها",
    no_sources: "لا توجد مصادر في هذا الملف بعد.",
    unknown_source: "غير موجود في قائمة المصادر",
    add_source: "إضافة مصدر",
    new_title: "عنوان المصدر",
    new_url: "عنوان المصدر على الويب (http أو https)",
    new_url_optional: "عنوان المصدر على الويب (http أو https، اختياري)",
    add_and_cite: "إضافة واستشهاد",
    empty_title: "يحتاج المصدر إلى عنوان.",
    not_http: "يجب أن يبدأ العنوان بـ http:// أو https://.",
    url_required: "تحتاج مصادر هذا الملف إلى عنوان على الويب.",
};

pub fn desk_sources_strings(lang: Lang) -> &'static DeskSourcesStrings {
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
        crate::ui::i18n::test_support::assert_same_placeholders(desk_sources_strings);
    }
}
