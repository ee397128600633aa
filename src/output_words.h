#pragma once
// The words guides in other languages use for "output" and "prints", as
// English guides use "Output:" and "This prints:": `Salida:`, `# Ausgabe: 3`,
// "Ce code affiche :", `# 输出：42`. One table for the lead-ins
// (output_label.h) and the comment labels (claim_markers.h).

#include <string_view>

namespace guidecheck {

/// A noun that names a program's output or result, in lower case where the
/// script has case: salida, resultado, ausgabe, ergebnis, sortie, résultat,
/// saída, risultato, uscita, вывод, результат, 输出, 结果, 出力, 結果, 출력,
/// 결과. A word of Chinese, Japanese or Korean script names output when
/// it holds one ("运行结果", "実行結果").
bool is_foreign_output_noun(std::string_view word);

/// A CJK output noun with the particle or copula that makes it the
/// sentence's topic, the value following: 結果は, 出力は, 结果是, 输出为,
/// 결과는 ("# 結果は 10": "the result is 10").
bool is_cjk_output_topic(std::string_view word);

/// A verb that shows output in the third person: imprime, muestra,
/// devuelve, affiche, renvoie, donne, obtient, zeigt, liefert, stampa,
/// exibe, retorna, выводит.
bool is_foreign_showing_verb(std::string_view word);

/// The full-width colon of Chinese and Japanese text ("输出：").
inline constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";

}  // namespace guidecheck
