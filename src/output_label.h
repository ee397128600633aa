#pragma once
// The words a guide puts between a sample and the output it shows: "Output:",
// "This prints:", "Running it gives", "The output is". One rule for every
// reader (Markdown, reST, scraped text), so a lead-in means the same in each.

#include <string_view>

namespace guidecheck {

/// True for a paragraph (or line) that introduces output. Case-insensitive,
/// markup already gone ("**Output:**" arrives as "Output:"). Its last
/// sentence decides:
/// - a bare label: "Output", "Result", "Prints", "Expected output",
///   "Sample output" (a colon optional);
/// - a call to look at it, as a collapsed block's title says: "Show
///   output", "Click to see the output", "View the result" (at most 8
///   words, ending in the noun);
/// - at most 8 words telling the reader what they will see or get ("You
///   should see:", "and you'll get");
/// - at most 12 words ending in ':' that name output: a noun (output,
///   result), a verb of showing in the third person or past (prints, gives,
///   shows, displays, returns, produces, outputs; printed, shown...), or a
///   base verb after a subject or modal ("this will print:"), never an
///   instruction ("Print the total:" introduces code); a dash or arrow set
///   apart ("the following output −", "This prints ->") stands for the colon;
/// - at most 8 words without a colon that break off where the output
///   starts: ending in such a verb ("which prints", "Running it gives",
///   "Running it results in"), or in the noun and a copula ("The output
///   is"), perhaps followed by "the following", "below", "like this".
///   A sentence that ends in '.', '!' or '?' is complete, not a lead-in
///   ("This prints nothing."), unless it ends with '.' pointing ahead:
///   "The output is as follows.", "It prints the following.", "The result
///   is shown below." (at most 12 words).
bool is_output_label(std::string_view text);

}  // namespace guidecheck
