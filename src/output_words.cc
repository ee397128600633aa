#include "output_words.h"

#include <algorithm>
#include <array>

namespace guidecheck {
namespace {

// Scripts without spaces between words: a noun inside a longer run counts.
constexpr std::array<std::string_view, 6> kCjkNouns = {"\xE8\xBE\x93\xE5\x87\xBA" /* 输出 */,
                                                       "\xE7\xBB\x93\xE6\x9E\x9C" /* 结果 */,
                                                       "\xE5\x87\xBA\xE5\x8A\x9B" /* 出力 */,
                                                       "\xE7\xB5\x90\xE6\x9E\x9C" /* 結果 */,
                                                       "\xEC\xB6\x9C\xEB\xA0\xA5" /* 출력 */,
                                                       "\xEA\xB2\xB0\xEA\xB3\xBC" /* 결과 */};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

bool is_foreign_output_noun(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kNouns = {
      "salida",   "resultado", "resultados", "ausgabe", "ergebnis", "sortie",   "r\xC3\xA9sultat" /* résultat */,
      "sa\xC3\xAD" "da" /* saída */,  "risultato", "uscita",  "\xD0\xB2\xD1\x8B\xD0\xB2\xD0\xBE\xD0\xB4" /* вывод */,
      "\xD0\x92\xD1\x8B\xD0\xB2\xD0\xBE\xD0\xB4" /* Вывод */,
      "\xD1\x80\xD0\xB5\xD0\xB7\xD1\x83\xD0\xBB\xD1\x8C\xD1\x82\xD0\xB0\xD1\x82" /* результат */,
      "\xD0\xA0\xD0\xB5\xD0\xB7\xD1\x83\xD0\xBB\xD1\x8C\xD1\x82\xD0\xB0\xD1\x82" /* Результат */};
  if (one_of(kNouns, word)) return true;
  return std::any_of(kCjkNouns.begin(), kCjkNouns.end(),
                     [&](std::string_view noun) { return word.find(noun) != std::string_view::npos; });
}

bool is_cjk_output_topic(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kParticles = {
      "\xE3\x81\xAF" /* は */, "\xE3\x81\x8C" /* が */, "\xE6\x98\xAF" /* 是 */, "\xE4\xB8\xBA" /* 为 */,
      "\xE7\x82\xBA" /* 為 */, "\xEB\x8A\x94" /* 는 */, "\xEC\x9D\x80" /* 은 */};
  return std::any_of(kCjkNouns.begin(), kCjkNouns.end(), [&](std::string_view noun) {
    return word.starts_with(noun) && one_of(kParticles, word.substr(noun.size()));
  });
}

bool is_foreign_showing_verb(std::string_view word) {
  // Present and future ("prints", "will print"), as comments say them.
  static constexpr std::array<std::string_view, 29> kVerbs = {
      "imprime", "muestra", "devuelve", "affiche", "renvoie", "donne", "obtient", "zeigt", "liefert", "stampa",
      "exibe", "retorna", "obtenemos", "\xD0\xB2\xD1\x8B\xD0\xB2\xD0\xBE\xD0\xB4\xD0\xB8\xD1\x82" /* выводит */,
      "\xD0\x92\xD1\x8B\xD0\xB2\xD0\xBE\xD0\xB4\xD0\xB8\xD1\x82" /* Выводит */,
      "\xD0\xB2\xD1\x8B\xD0\xB2\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x82" /* выведет */,
      "\xD0\x92\xD1\x8B\xD0\xB2\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x82" /* Выведет */,
      "\xD0\xBD\xD0\xB0\xD0\xBF\xD0\xB5\xD1\x87\xD0\xB0\xD1\x82\xD0\xB0\xD0\xB5\xD1\x82" /* напечатает */,
      "\xD0\xBF\xD0\xB5\xD1\x87\xD0\xB0\xD1\x82\xD0\xB0\xD0\xB5\xD1\x82" /* печатает */,
      "\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD1\x91\xD1\x82" /* вернёт */,
      "\xD0\xB2\xD0\xBE\xD0\xB7\xD0\xB2\xD1\x80\xD0\xB0\xD1\x89\xD0\xB0\xD0\xB5\xD1\x82" /* возвращает */,
      "affichera", "retourne", "mostra", "devolve", "imprimir\xC3\xA1" /* imprimirá */,
      "mostrar\xC3\xA1" /* mostrará */, "stamper\xC3\xA0" /* stamperà */, "restituisce"};
  return one_of(kVerbs, word);
}

}  // namespace guidecheck
