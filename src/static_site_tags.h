#pragma once
// Code that a static site generator's template tag holds instead of a fence:
// Jekyll's Liquid `{% highlight python linenos %}` ... `{% endhighlight %}`
// and Hugo's `{{< highlight python "linenos=table" >}}` ... `{{< /highlight >}}`
// (or `{{% %}}`). The Markdown reader sees the fence each one renders as,
// line for line; Liquid's `{% raw %}` and `{% endraw %}` alone on a line
// render as nothing, and dev.to's folding `{% details Summary %}` as its
// summary (`{% enddetails %}` as nothing), so the output inside is the
// output of the code before it.

#include <string>
#include <vector>

namespace guidecheck {

/// `lines` with each highlight tag that has its closing tag replaced by the
/// fence it renders as, raw tags by blank lines and folding tags by their
/// summaries: as many lines, each
/// other line as it was. Tags inside a fenced block are its content.
std::vector<std::string> highlight_tags_as_fences(std::vector<std::string> lines);

}  // namespace guidecheck
