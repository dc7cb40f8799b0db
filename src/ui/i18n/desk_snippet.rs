//! The data desk's strings for pre-rendered snippets (`src/desk/snippet_download.rs`), one
//! table per language. `{…}` placeholders as in [`super::desk`].

use crate::model::Lang;

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DeskSnippetStrings {
    pub heading: &'static str,
    pub hint: &'static str,
    pub base_url: &'static str,
    pub stylesheet_url: &'static str,
    pub data_url: &'static str,
    pub download: &'static str,
    pub making: &'static str,
    /// `{file}`: the snippet's file name.
    pub made: &'static str,
    /// `{reason}`: why (a file that could not be fetched or read).
    pub failed: &'static str,
    /// `{field}`: the label of the field holding it.
    pub bad_url: &'static str,
}

static EN: DeskSnippetStrings = DeskSnippetStrings {
    heading: "Pre-rendered snippets",
    hint: "A snippet shows the widget as soon as the host page arrives, before its code runs, in the language and theme chosen here. It links to the stylesheet and the data file where you publish them: empty fields follow the release's layout under the base URL.",
    base_url: "Base URL of the release",
    stylesheet_url: "Stylesheet URL",
    data_url: "Data URL",
    download: "Download pre-rendered snippet",
    making: "Making the snippet…",
    made: "{file} downloaded.",
    failed: "The snippet could not be made: {reason}",
    bad_url: "{field}: not a usable URL (a path or an http(s) address).",
};

static FR: DeskSnippetStrings = DeskSnippetStrings {
    heading: "Extraits pré-rendus",
    hint: "Un extrait affiche le widget dès que la page hôte arrive, avant que son code ne s’exécute, dans la langue et le thème choisis ici. Il pointe vers la feuille de style et le fichier de données là où vous les publiez : les champs vides suivent l’organisation de la version publiée sous l’URL de base.",
    base_url: "URL de base de la version publiée",
    stylesheet_url: "URL de la feuille de style",
    data_url: "URL des données",
    download: "Télécharger l’extrait pré-rendu",
    making: "Préparation de l’extrait…",
    made: "{file} téléchargé.",
    failed: "L’extrait n’a pas pu être préparé : {reason}",
    bad_url: "{field} : URL inutilisable (un chemin ou une adresse http(s)).",
};

static ES: DeskSnippetStrings = DeskSnippetStrings {
    heading: "Fragmentos prerrenderizados",
    hint: "Un fragmento muestra el widget en cuanto llega la página anfitriona, antes de que se ejecute su código, en el idioma y el tema elegidos aquí. Enlaza la hoja de estilo y el archivo de datos donde usted los publique: los campos vacíos siguen la estructura de la versión publicada bajo la URL base.",
    base_url: "URL base de la versión publicada",
    stylesheet_url: "URL de la hoja de estilo",
    data_url: "URL de los datos",
    download: "Descargar el fragmento prerrenderizado",
    making: "Preparando el fragmento…",
    made: "{file} descargado.",
    failed: "No se pudo preparar el fragmento: {reason}",
    bad_url: "{field}: URL no utilizable (una ruta o una dirección http(s)).",
};

static RU: DeskSnippetStrings = DeskSnippetStrings {
    heading: "Предварительно отрисованные фрагменты",
    hint: "Фрагмент показывает виджет сразу, как только загружается страница, ещё до запуска его кода, на выбранных здесь языке и теме. Он ссылается на таблицу стилей и файл данных там, где вы их публикуете: пустые поля следуют структуре выпуска под базовым URL.",
    base_url: "Базовый URL выпуска",
    stylesheet_url: "URL таблицы стилей",
    data_url: "URL данных",
    download: "Скачать готовый фрагмент",
    making: "Фрагмент готовится…",
    made: "{file} скачан.",
    failed: "Не удалось подготовить фрагмент: {reason}",
    bad_url: "{field}: непригодный URL (нужен путь или адрес http(s)).",
};

static ZH: DeskSnippetStrings = DeskSnippetStrings {
    heading: "预渲染代码片段",
    hint: "代码片段在宿主页面一到达、其代码运行之前就显示小组件，使用此处选择的语言和主题。它链接到您发布的样式表和数据文件：空白字段按基础 URL 下的发布版目录结构填写。",
    base_url: "发布版的基础 URL",
    stylesheet_url: "样式表 URL",
    data_url: "数据 URL",
    download: "下载预渲染代码片段",
    making: "正在生成代码片段…",
    made: "已下载 {file}。",
    failed: "无法生成代码片段：{reason}",
    bad_url: "{field}：URL 不可用（应为路径或 http(s) 地址）。",
};

static AR: DeskSnippetStrings = DeskSnippetStrings {
    heading: "مقتطفات معروضة مسبقًا",
    hint: "يعرض المقتطف الأداة فور وصول الصفحة المضيفة، قبل تشغيل شيفرتها، باللغة والسمة المختارتين هنا. ويشير إلى ملف الأنماط وملف البيانات حيث تنشرهما: الحقول الفارغة تتبع تنظيم الإصدار تحت عنوان URL الأساسي.",
    base_url: "عنوان URL الأساسي للإصدار",
    stylesheet_url: "عنوان URL لملف الأنماط",
    data_url: "عنوان URL للبيانات",
    download: "تنزيل المقتطف المعروض مسبقًا",
    making: "جارٍ إعداد المقتطف…",
    made: "تم تنزيل {file}.",
    failed: "تعذّر إعداد المقتطف: {reason}",
    bad_url: "{field}: عنوان URL غير صالح (مسار أو عنوان http(s)).",
};

pub fn desk_snippet_strings(lang: Lang) -> &'static DeskSnippetStrings {
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
        crate::ui::i18n::test_support::assert_same_placeholders(desk_snippet_strings);
    }
}
