#pragma once
// A table a notebook export shows a DataFrame with: nbconvert keeps the
// HTML pandas wrote for a cell's value,
//
//   <table border="1" class="dataframe">
//     <thead> <tr> <th></th> <th>title</th> <th>days</th> </tr> </thead>
//     <tbody> <tr> <th>0</th> <td>Dune</td> <td>15</td> </tr> ...
//
// read as the text lines the same DataFrame prints: one per row, its
// cells in order, empty header cells left out ("title days", "0 Dune 15").
// Compared with blanks collapsed, the lines agree with `print(frame)`.

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// True for an opening `<table ...>` tag whose class names pandas'
/// "dataframe".
bool is_dataframe_table_tag(std::string_view tag);

/// The rows of the HTML table `html` (from its `<table` to its `</table>`)
/// as text lines: the cells' shown text (tags gone, references decoded,
/// blanks collapsed) joined by two spaces; a row of empty cells is left out.
std::vector<std::string> html_table_rows(std::string_view html);

}  // namespace guidecheck
