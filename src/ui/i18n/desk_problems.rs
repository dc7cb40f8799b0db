//! Problem messages in the reader's language, for the data desk. The validators and the CSV
//! import speak English (as the xtask commands do, and their words stay the reference); this
//! table says the same for each typed reason (`model::desk::Detail`). A reason with no
//! template here (free text from the JSON reader, rare faults) is shown in English, marked
//! `lang="en"`.

use crate::model::desk::Detail;
use crate::model::error::ErrorKind;
use crate::model::forum_csv::CellFault;
use crate::model::Lang;
use crate::ui::format::integer;

use super::fill;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ProblemStrings {
    pub empty: &'static str,
    pub not_sdg: &'static str,
    pub not_action_line: &'static str,
    pub duplicate_id: &'static str,
    pub duplicate_link: &'static str,
    pub missing_action_lines: &'static str,
    pub unknown_target: &'static str,
    pub unknown_source: &'static str,
    pub missing_english: &'static str,
    pub not_http_url: &'static str,
    pub not_date: &'static str,
    pub not_forum_year: &'static str,
    pub date_outside_year: &'static str,
    pub negative: &'static str,
    pub not_whole: &'static str,
    pub implausible: &'static str,
    pub out_of_order: &'static str,
    pub utf16: &'static str,
    pub not_utf8: &'static str,
    pub unsupported_format: &'static str,
    pub wrong_count: &'static str,
    pub not_confidence: &'static str,
    pub same_session: &'static str,
}

static EN: ProblemStrings = ProblemStrings {
    empty: "must not be empty",
    not_sdg: "{value} is not an SDG (1–17)",
    not_action_line: "\"{value}\" is not a WSIS Action Line (C1–C11, or C7 e-… for a sub-line)",
    duplicate_id: "\"{value}\" appears more than once",
    duplicate_link: "the cell {action_line} × SDG {sdg} is linked twice",
    missing_action_lines: "Action Lines missing: {value}",
    unknown_target: "\"{value}\" is neither an SDG target (like \"9.c\") nor a goal number",
    unknown_source: "source \"{value}\" is not in the sources list",
    missing_english: "an English (\"en\") text is required",
    not_http_url: "\"{value}\" is not an http(s) URL",
    not_date: "\"{value}\" is not a date (YYYY-MM-DD or YYYY-MM)",
    not_forum_year: "{value} is not a forum year",
    date_outside_year: "{date} is not in {year}",
    negative: "{value} is negative",
    not_whole: "{value} is not a whole number",
    implausible: "{value} is larger than any real figure (the most is 10^15): a typo?",
    out_of_order: "{value} comes before the previous entry ({previous})",
    utf16: "the file is UTF-16 text; data files must be UTF-8: save it again as UTF-8",
    not_utf8:
        "line {line}: the file is not UTF-8 text (an invalid byte at offset {offset}): save it again as UTF-8",
    unsupported_format: "format {value} is not supported (expected 1)",
    wrong_count: "expected {expected} entries, found {found}",
    not_confidence: "\"{value}\" is not H, M or L",
    same_session: "the same session as row {row}",
};

static FR: ProblemStrings = ProblemStrings {
    empty: "ne doit pas être vide",
    not_sdg: "{value} n’est pas un ODD (1–17)",
    not_action_line: "« {value} » n’est pas une grande orientation du SMSI (C1–C11, ou C7 e-… pour une sous-orientation)",
    duplicate_id: "« {value} » figure plus d’une fois",
    duplicate_link: "la case {action_line} × ODD {sdg} est liée deux fois",
    missing_action_lines: "grandes orientations manquantes : {value}",
    unknown_target: "« {value} » n’est ni une cible d’ODD (comme « 9.c ») ni un numéro d’objectif",
    unknown_source: "la source « {value} » n’est pas dans la liste des sources",
    missing_english: "un texte en anglais (« en ») est requis",
    not_http_url: "« {value} » n’est pas une adresse http(s)",
    not_date: "« {value} » n’est pas une date (AAAA-MM-JJ ou AAAA-MM)",
    not_forum_year: "{value} n’est pas une année du Forum",
    date_outside_year: "{date} n’est pas en {year}",
    negative: "{value} est négatif",
    not_whole: "{value} n’est pas un nombre entier",
    implausible: "{value} dépasse tout chiffre réel (au plus 10^15) : une faute de frappe ?",
    out_of_order: "{value} précède l’entrée précédente ({previous})",
    utf16: "le fichier est un texte UTF-16 ; les fichiers de données doivent être en UTF-8 : enregistrez-le à nouveau en UTF-8",
    not_utf8: "ligne {line} : le fichier n’est pas un texte UTF-8 (octet invalide à la position {offset}) : enregistrez-le à nouveau en UTF-8",
    unsupported_format: "le format {value} n’est pas pris en charge (1 attendu)",
    wrong_count: "{expected} entrées attendues, {found} trouvées",
    not_confidence: "« {value} » n’est pas H, M ou L",
    same_session: "la même session que la ligne {row}",
};

static ES: ProblemStrings = ProblemStrings {
    empty: "no debe estar vacío",
    not_sdg: "{value} no es un ODS (1–17)",
    not_action_line: "«{value}» no es una línea de acción de la CMSI (C1–C11, o C7 e-… para una sublínea)",
    duplicate_id: "«{value}» aparece más de una vez",
    duplicate_link: "la celda {action_line} × ODS {sdg} está vinculada dos veces",
    missing_action_lines: "faltan líneas de acción: {value}",
    unknown_target: "«{value}» no es una meta de los ODS (como «9.c») ni un número de objetivo",
    unknown_source: "la fuente «{value}» no está en la lista de fuentes",
    missing_english: "se requiere un texto en inglés («en»)",
    not_http_url: "«{value}» no es una dirección http(s)",
    not_date: "«{value}» no es una fecha (AAAA-MM-DD o AAAA-MM)",
    not_forum_year: "{value} no es un año del Foro",
    date_outside_year: "{date} no está en {year}",
    negative: "{value} es negativo",
    not_whole: "{value} no es un número entero",
    implausible: "{value} supera cualquier cifra real (el máximo es 10^15): ¿un error de escritura?",
    out_of_order: "{value} va antes de la entrada anterior ({previous})",
    utf16: "el archivo es texto UTF-16; los archivos de datos deben ser UTF-8: guárdelo de nuevo como UTF-8",
    not_utf8: "línea {line}: el archivo no es texto UTF-8 (un byte no válido en la posición {offset}): guárdelo de nuevo como UTF-8",
    unsupported_format: "el formato {value} no es compatible (se esperaba 1)",
    wrong_count: "se esperaban {expected} entradas, hay {found}",
    not_confidence: "«{value}» no es H, M ni L",
    same_session: "la misma sesión que la fila {row}",
};

static RU: ProblemStrings = ProblemStrings {
    empty: "не должно быть пустым",
    not_sdg: "{value} — не ЦУР (1–17)",
    not_action_line: "«{value}» — не направление деятельности ВВУИО (C1–C11 или C7 e-… для поднаправления)",
    duplicate_id: "«{value}» встречается больше одного раза",
    duplicate_link: "ячейка {action_line} × ЦУР {sdg} связана дважды",
    missing_action_lines: "не хватает направлений деятельности: {value}",
    unknown_target: "«{value}» — не задача ЦУР (например, «9.c») и не номер цели",
    unknown_source: "источника «{value}» нет в списке источников",
    missing_english: "нужен текст на английском («en»)",
    not_http_url: "«{value}» — не адрес http(s)",
    not_date: "«{value}» — не дата (ГГГГ-ММ-ДД или ГГГГ-ММ)",
    not_forum_year: "{value} — не год Форума",
    date_outside_year: "{date} не относится к {year} году",
    negative: "{value} — отрицательное число",
    not_whole: "{value} — не целое число",
    implausible: "{value} больше любой реальной величины (максимум 10^15): опечатка?",
    out_of_order: "{value} идёт раньше предыдущей записи ({previous})",
    utf16: "файл в кодировке UTF-16; файлы данных должны быть в UTF-8: сохраните его заново в UTF-8",
    not_utf8: "строка {line}: файл не в кодировке UTF-8 (недопустимый байт в позиции {offset}): сохраните его заново в UTF-8",
    unsupported_format: "формат {value} не поддерживается (ожидается 1)",
    wrong_count: "ожидалось записей: {expected}, найдено: {found}",
    not_confidence: "«{value}» — не H, M или L",
    same_session: "та же сессия, что в строке {row}",
};

static ZH: ProblemStrings = ProblemStrings {
    empty: "不能为空",
    not_sdg: "{value} 不是可持续发展目标（1–17）",
    not_action_line: "“{value}”不是信息社会世界峰会行动方针（C1–C11，子方针写作 C7 e-…）",
    duplicate_id: "“{value}”出现了不止一次",
    duplicate_link: "单元格 {action_line} × 可持续发展目标 {sdg} 被链接了两次",
    missing_action_lines: "缺少行动方针：{value}",
    unknown_target: "“{value}”既不是可持续发展目标的具体目标（如“9.c”），也不是目标编号",
    unknown_source: "来源“{value}”不在来源列表中",
    missing_english: "需要英文（“en”）文本",
    not_http_url: "“{value}”不是 http(s) 网址",
    not_date: "“{value}”不是日期（YYYY-MM-DD 或 YYYY-MM）",
    not_forum_year: "{value} 不是论坛年份",
    date_outside_year: "{date} 不在 {year} 年内",
    negative: "{value} 是负数",
    not_whole: "{value} 不是整数",
    implausible: "{value} 超过任何真实数字（最多 10^15）：是否输入有误？",
    out_of_order: "{value} 早于上一条记录（{previous}）",
    utf16: "文件是 UTF-16 文本；数据文件必须是 UTF-8：请重新保存为 UTF-8",
    not_utf8: "第 {line} 行：文件不是 UTF-8 文本（偏移 {offset} 处有无效字节）：请重新保存为 UTF-8",
    unsupported_format: "不支持格式 {value}（应为 1）",
    wrong_count: "应有 {expected} 个条目，实际 {found} 个",
    not_confidence: "“{value}”不是 H、M 或 L",
    same_session: "与第 {row} 行是同一会议",
};

static AR: ProblemStrings = ProblemStrings {
    empty: "يجب ألا يكون فارغًا",
    not_sdg: "{value} ليس هدفًا من أهداف التنمية المستدامة (1–17)",
    not_action_line: "«{value}» ليس خط عمل من خطوط عمل القمة العالمية لمجتمع المعلومات (C1–C11، أو C7 e-… لخط فرعي)",
    duplicate_id: "«{value}» يتكرر أكثر من مرة",
    duplicate_link: "الخلية {action_line} × الهدف {sdg} مربوطة مرتين",
    missing_action_lines: "خطوط عمل ناقصة: {value}",
    unknown_target: "«{value}» ليس غاية من غايات أهداف التنمية المستدامة (مثل «9.c») ولا رقم هدف",
    unknown_source: "المصدر «{value}» غير موجود في قائمة المصادر",
    missing_english: "يلزم نص بالإنكليزية («en»)",
    not_http_url: "«{value}» ليس عنوان http(s)",
    not_date: "«{value}» ليس تاريخًا (YYYY-MM-DD أو YYYY-MM)",
    not_forum_year: "{value} ليس سنة من سنوات المنتدى",
    date_outside_year: "{date} ليس في {year}",
    negative: "{value} سالب",
    not_whole: "{value} ليس عددًا صحيحًا",
    implausible: "{value} أكبر من أي رقم حقيقي (الحد الأقصى 10^15): خطأ في الكتابة؟",
    out_of_order: "{value} يأتي قبل الإدخال السابق ({previous})",
    utf16: "الملف نص UTF-16؛ يجب أن تكون ملفات البيانات بترميز UTF-8: احفظه مجددًا بترميز UTF-8",
    not_utf8: "السطر {line}: الملف ليس نصًا بترميز UTF-8 (بايت غير صالح عند الموضع {offset}): احفظه مجددًا بترميز UTF-8",
    unsupported_format: "التنسيق {value} غير مدعوم (المتوقع 1)",
    wrong_count: "المتوقع {expected} إدخالات، والموجود {found}",
    not_confidence: "«{value}» ليس H أو M أو L",
    same_session: "الجلسة نفسها كما في الصف {row}",
};

fn strings(lang: Lang) -> &'static ProblemStrings {
    match lang {
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ru => &RU,
        Lang::Es => &ES,
    }
}

/// The problem's reason in `lang`, or `None` where the English words are what to show (English
/// itself: the commands' words; a reason this table does not know).
pub fn problem_text(lang: Lang, detail: &Detail) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let s = strings(lang);
    let one = |template: &str, value: &str| fill(template, &[("value", value)]);
    let text = match detail {
        Detail::Data(kind) => match kind {
            ErrorKind::EmptyText => s.empty.to_owned(),
            ErrorKind::SdgOutOfRange(n) => one(s.not_sdg, &n.to_string()),
            ErrorKind::UnknownActionLine(id) => one(s.not_action_line, id),
            ErrorKind::DuplicateId(id) => one(s.duplicate_id, id),
            ErrorKind::DuplicateLink { action_line, sdg } => {
                fill(s.duplicate_link, &[("action_line", action_line), ("sdg", &sdg.to_string())])
            }
            ErrorKind::MissingActionLines(ids) => one(s.missing_action_lines, &ids.join(", ")),
            ErrorKind::UnknownTarget(id) => one(s.unknown_target, id),
            ErrorKind::UnknownSource(id) => one(s.unknown_source, id),
            ErrorKind::MissingEnglish => s.missing_english.to_owned(),
            ErrorKind::NotHttpUrl(url) => one(s.not_http_url, url),
            ErrorKind::BadDate(d) => one(s.not_date, d),
            ErrorKind::NotAForumYear(y) => one(s.not_forum_year, &y.to_string()),
            ErrorKind::DateOutsideYear { date, year } => {
                fill(s.date_outside_year, &[("date", date), ("year", &year.to_string())])
            }
            ErrorKind::Negative(v) => one(s.negative, v),
            ErrorKind::NotWhole(v) => one(s.not_whole, v),
            ErrorKind::Implausible(v) => one(s.implausible, v),
            ErrorKind::OutOfOrder { this, previous } => {
                fill(s.out_of_order, &[("value", this), ("previous", previous)])
            }
            ErrorKind::Utf16 => s.utf16.to_owned(),
            ErrorKind::NotUtf8 { line, offset } => {
                fill(s.not_utf8, &[("line", &integer(lang, *line)), ("offset", &integer(lang, *offset))])
            }
            ErrorKind::UnsupportedFormat(v) => one(s.unsupported_format, &v.to_string()),
            ErrorKind::WrongCount { expected, found } => fill(
                s.wrong_count,
                &[("expected", &integer(lang, *expected)), ("found", &integer(lang, *found))],
            ),
            _ => return None,
        },
        Detail::Cell(fault) => match fault {
            CellFault::EmptyTitle => s.empty.to_owned(),
            CellFault::NotHttpUrl(url) => one(s.not_http_url, url),
            CellFault::NotAConfidence(c) => one(s.not_confidence, c),
            CellFault::NotAForumYear(y) => one(s.not_forum_year, y),
            CellFault::NotADate(d) => one(s.not_date, d),
            CellFault::DateOutsideYear { date, year } => {
                fill(s.date_outside_year, &[("date", date), ("year", year)])
            }
            CellFault::NotAnActionLine(name) => one(s.not_action_line, name),
            CellFault::NotAnSdg(n) => one(s.not_sdg, n),
            CellFault::SameSessionAs(row) => fill(s.same_session, &[("row", &integer(lang, *row as usize))]),
        },
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_keeps_the_english_placeholders() {
        crate::ui::i18n::test_support::assert_same_placeholders(strings);
    }

    #[test]
    fn the_english_table_says_what_the_model_says() {
        // English shows the model's own words; the table's English is the template the others
        // translate, so it must not drift from them.
        let cases = [
            Detail::Data(ErrorKind::EmptyText),
            Detail::Data(ErrorKind::SdgOutOfRange(18)),
            Detail::Data(ErrorKind::UnknownSource("S9".into())),
            Detail::Data(ErrorKind::DateOutsideYear { date: "2023-01-01".into(), year: 2024 }),
            Detail::Cell(CellFault::NotAnSdg("18".into())),
            Detail::Cell(CellFault::DateOutsideYear { date: "2023-01-01".into(), year: "2024".into() }),
            Detail::Cell(CellFault::SameSessionAs(3)),
        ];
        for detail in cases {
            assert!(problem_text(Lang::En, &detail).is_none());
            let fr = problem_text(Lang::Fr, &detail).unwrap();
            assert!(!fr.contains('{'), "{fr}");
        }
        assert_eq!(
            fill(EN.date_outside_year, &[("date", "2023-01-01"), ("year", "2024")]),
            CellFault::DateOutsideYear { date: "2023-01-01".into(), year: "2024".into() }.to_string()
        );
        assert_eq!(fill(EN.same_session, &[("row", "3")]), CellFault::SameSessionAs(3).to_string());
        assert_eq!(
            problem_text(Lang::Ar, &Detail::Cell(CellFault::NotAnSdg("18".into()))).unwrap(),
            "18 ليس هدفًا من أهداف التنمية المستدامة (1–17)"
        );
    }
}
