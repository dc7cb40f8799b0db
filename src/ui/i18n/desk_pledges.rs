//! The desk's announce form strings (`desk::pledges_panel`). Apart from `desk.rs` so that the
//! slices of the desk merge without conflicts. The field messages say what `model::announce`'s
//! `FieldError` says (in English exactly its words); `{text}` is what was typed.

use crate::model::Lang;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskPledgesStrings {
    pub heading: &'static str,
    pub total_now: &'static str,
    pub last_milestone: &'static str,
    pub date: &'static str,
    pub event: &'static str,
    pub pledger: &'static str,
    pub usd: &'static str,
    pub usd_hint: &'static str,
    /// The optional figures' group.
    pub figures: &'static str,
    pub pledges: &'static str,
    pub entities: &'static str,
    pub countries: &'static str,
    pub announce: &'static str,
    pub missing: &'static str,
    /// `{text}`: the typed value, in each of the following.
    pub not_a_date: &'static str,
    pub not_an_amount: &'static str,
    pub not_positive: &'static str,
    pub not_a_count: &'static str,
    /// `{what}`: the amount, pledger, event and date.
    pub announced: &'static str,
    pub already: &'static str,
    /// `{reason}`: the model's message (English).
    pub refused: &'static str,
    /// `{usd}`, `{pledger}`, `{event}`, `{date}`: one announcement in `announced`/`already`.
    pub what: &'static str,
}

static EN: DeskPledgesStrings = DeskPledgesStrings {
    heading: "Announce a pledge",
    total_now: "Current total",
    last_milestone: "Last milestone",
    date: "Date",
    event: "Event",
    pledger: "Pledger",
    usd: "Amount (USD)",
    usd_hint: "For example 1.2e9, 1200000000 or 1,200,000,000.",
    figures: "The day's figures (optional)",
    pledges: "Pledges",
    entities: "Entities",
    countries: "Countries",
    announce: "Announce",
    missing: "Required.",
    not_a_date: "\"{text}\" is not a date (YYYY-MM-DD)",
    not_an_amount: "\"{text}\" is not an amount: write 1.2e9, 1200000000 or 1,200,000,000 (a comma or _ only between groups of three digits, a point for decimals)",
    not_positive: "must be a positive amount in US dollars, not {text}",
    not_a_count: "\"{text}\" is not a whole number: write 1200 or 1,200",
    announced: "Announced: {what}.",
    already: "Already announced: {what}. The file is unchanged.",
    refused: "Not announced: {reason}",
    what: "{usd} by {pledger} at {event} ({date})",
};

static FR: DeskPledgesStrings = DeskPledgesStrings {
    heading: "Annoncer un engagement",
    total_now: "Total actuel",
    last_milestone: "Dernière étape",
    date: "Date",
    event: "Événement",
    pledger: "Auteur de l’engagement",
    usd: "Montant (USD)",
    usd_hint: "Par exemple 1.2e9, 1200000000 ou 1,200,000,000.",
    figures: "Les chiffres du jour (facultatif)",
    pledges: "Engagements",
    entities: "Entités",
    countries: "Pays",
    announce: "Annoncer",
    missing: "Obligatoire.",
    not_a_date: "« {text} » n’est pas une date (AAAA-MM-JJ)",
    not_an_amount: "« {text} » n’est pas un montant : écrivez 1.2e9, 1200000000 ou 1,200,000,000 (une virgule ou un _ seulement entre groupes de trois chiffres, un point pour les décimales)",
    not_positive: "le montant doit être positif, en dollars des États-Unis, et non {text}",
    not_a_count: "« {text} » n’est pas un nombre entier : écrivez 1200 ou 1,200",
    announced: "Annoncé : {what}.",
    already: "Déjà annoncé : {what}. Le fichier est inchangé.",
    refused: "Non annoncé : {reason}",
    what: "{usd} par {pledger} à {event} ({date})",
};

static ES: DeskPledgesStrings = DeskPledgesStrings {
    heading: "Anunciar un compromiso",
    total_now: "Total actual",
    last_milestone: "Último hito",
    date: "Fecha",
    event: "Evento",
    pledger: "Autor del compromiso",
    usd: "Importe (USD)",
    usd_hint: "Por ejemplo 1.2e9, 1200000000 o 1,200,000,000.",
    figures: "Las cifras del día (opcional)",
    pledges: "Compromisos",
    entities: "Entidades",
    countries: "Países",
    announce: "Anunciar",
    missing: "Obligatorio.",
    not_a_date: "«{text}» no es una fecha (AAAA-MM-DD)",
    not_an_amount: "«{text}» no es un importe: escriba 1.2e9, 1200000000 o 1,200,000,000 (una coma o un _ solo entre grupos de tres cifras, un punto para los decimales)",
    not_positive: "el importe debe ser positivo, en dólares estadounidenses, no {text}",
    not_a_count: "«{text}» no es un número entero: escriba 1200 o 1,200",
    announced: "Anunciado: {what}.",
    already: "Ya anunciado: {what}. El archivo no ha cambiado.",
    refused: "No anunciado: {reason}",
    what: "{usd} de {pledger} en {event} ({date})",
};

static RU: DeskPledgesStrings = DeskPledgesStrings {
    heading: "Объявить обязательство",
    total_now: "Текущий итог",
    last_milestone: "Последний этап",
    date: "Дата",
    event: "Мероприятие",
    pledger: "Автор обязательства",
    usd: "Сумма (долл. США)",
    usd_hint: "Например, 1.2e9, 1200000000 или 1,200,000,000.",
    figures: "Показатели дня (необязательно)",
    pledges: "Обязательства",
    entities: "Организации",
    countries: "Страны",
    announce: "Объявить",
    missing: "Обязательное поле.",
    not_a_date: "«{text}» — не дата (ГГГГ-ММ-ДД)",
    not_an_amount: "«{text}» — не сумма: пишите 1.2e9, 1200000000 или 1,200,000,000 (запятая или _ только между группами из трёх цифр, точка для дробной части)",
    not_positive: "сумма должна быть положительной, в долларах США, а не {text}",
    not_a_count: "«{text}» — не целое число: пишите 1200 или 1,200",
    announced: "Объявлено: {what}.",
    already: "Уже объявлено: {what}. Файл не изменён.",
    refused: "Не объявлено: {reason}",
    what: "{usd}, {pledger}, {event} ({date})",
};

static ZH: DeskPledgesStrings = DeskPledgesStrings {
    heading: "宣布一项认捐",
    total_now: "当前总额",
    last_milestone: "最近的里程碑",
    date: "日期",
    event: "活动",
    pledger: "认捐方",
    usd: "金额（美元）",
    usd_hint: "例如 1.2e9、1200000000 或 1,200,000,000。",
    figures: "当天的数字（可选）",
    pledges: "认捐数",
    entities: "实体数",
    countries: "国家数",
    announce: "宣布",
    missing: "必填。",
    not_a_date: "“{text}”不是日期（YYYY-MM-DD）",
    not_an_amount: "“{text}”不是金额：请写 1.2e9、1200000000 或 1,200,000,000（逗号或 _ 只能用在每三位数字之间，小数用点）",
    not_positive: "金额必须为正数（美元），而不是 {text}",
    not_a_count: "“{text}”不是整数：请写 1200 或 1,200",
    announced: "已宣布：{what}。",
    already: "已经宣布过：{what}。文件未更改。",
    refused: "未宣布：{reason}",
    what: "{pledger} 在 {event} 认捐 {usd}（{date}）",
};

static AR: DeskPledgesStrings = DeskPledgesStrings {
    heading: "إعلان تعهد",
    total_now: "المجموع الحالي",
    last_milestone: "آخر محطة",
    date: "التاريخ",
    event: "الحدث",
    pledger: "الجهة المتعهدة",
    usd: "المبلغ (بالدولار الأمريكي)",
    usd_hint: "مثلاً 1.2e9 أو 1200000000 أو 1,200,000,000.",
    figures: "أرقام اليوم (اختياري)",
    pledges: "التعهدات",
    entities: "الجهات",
    countries: "البلدان",
    announce: "إعلان",
    missing: "مطلوب.",
    not_a_date: "«{text}» ليس تاريخاً (YYYY-MM-DD)",
    not_an_amount: "«{text}» ليس مبلغاً: اكتب 1.2e9 أو 1200000000 أو 1,200,000,000 (الفاصلة أو _ بين مجموعات من ثلاثة أرقام فقط، والنقطة للكسور العشرية)",
    not_positive: "يجب أن يكون المبلغ موجباً بالدولار الأمريكي، لا {text}",
    not_a_count: "«{text}» ليس عدداً صحيحاً: اكتب 1200 أو 1,200",
    announced: "أُعلن: {what}.",
    already: "أُعلن من قبل: {what}. لم يتغير الملف.",
    refused: "لم يُعلن: {reason}",
    what: "{usd} من {pledger} في {event} ({date})",
};

/// The announce form's strings in `lang`.
pub fn desk_pledges_strings(lang: Lang) -> &'static DeskPledgesStrings {
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
    use crate::model::announce::{parse_usd, FieldError};

    #[test]
    fn every_table_keeps_the_english_placeholders() {
        crate::ui::i18n::test_support::assert_same_placeholders(desk_pledges_strings);
    }

    #[test]
    fn the_english_messages_are_the_models() {
        let s = desk_pledges_strings(Lang::En);
        let fill = |t: &str| t.replace("{text}", "1,5e9");
        assert_eq!(fill(s.not_an_amount), parse_usd("1,5e9").unwrap_err().to_string());
        assert_eq!(fill(s.not_positive), FieldError::NotPositive("1,5e9".into()).to_string());
        assert_eq!(fill(s.not_a_count), FieldError::NotACount("1,5e9".into()).to_string());
        assert_eq!(fill(s.not_a_date), FieldError::NotADate("1,5e9".into()).to_string());
    }
}
