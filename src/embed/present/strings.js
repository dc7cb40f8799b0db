// @ts-check
// The deck shell's few strings, in the six UN languages (the keys of STRINGS are checked
// against the crate's languages in tests/deck). Written by the project; they need review by UN
// language staff.

/**
 * @typedef {{ previous: string, next: string, fullscreen: string, exitFullscreen: string,
 *   slideOf: string, deck: string, blank: string }} Strings
 */

/** @type {Readonly<Record<string, Strings>>} */
export const STRINGS = {
  en: { previous: 'Previous', next: 'Next', fullscreen: 'Full screen', exitFullscreen: 'Exit full screen',
    slideOf: 'Slide {i} of {n}', deck: 'Presentation', blank: 'Screen blanked; press any key to continue' },
  fr: { previous: 'Précédente', next: 'Suivante', fullscreen: 'Plein écran', exitFullscreen: 'Quitter le plein écran',
    slideOf: 'Diapositive {i} sur {n}', deck: 'Présentation', blank: 'Écran masqué ; appuyez sur une touche pour continuer' },
  es: { previous: 'Anterior', next: 'Siguiente', fullscreen: 'Pantalla completa', exitFullscreen: 'Salir de pantalla completa',
    slideOf: 'Diapositiva {i} de {n}', deck: 'Presentación', blank: 'Pantalla oculta; pulse una tecla para continuar' },
  ru: { previous: 'Назад', next: 'Далее', fullscreen: 'Во весь экран', exitFullscreen: 'Выйти из полноэкранного режима',
    slideOf: 'Слайд {i} из {n}', deck: 'Презентация', blank: 'Экран скрыт; нажмите любую клавишу, чтобы продолжить' },
  zh: { previous: '上一张', next: '下一张', fullscreen: '全屏', exitFullscreen: '退出全屏',
    slideOf: '第 {i} 张，共 {n} 张', deck: '演示文稿', blank: '屏幕已隐藏；按任意键继续' },
  ar: { previous: 'السابق', next: 'التالي', fullscreen: 'ملء الشاشة', exitFullscreen: 'الخروج من ملء الشاشة',
    slideOf: 'الشريحة {i} من {n}', deck: 'عرض تقديمي', blank: 'الشاشة مخفية؛ اضغط أي مفتاح للمتابعة' },
};

/**
 * `Slide {i} of {n}` with `{ i: 2, n: 5 }` → `Slide 2 of 5`; a missing value → empty.
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}
