#pragma once
// Code that a static site generator's template tag holds instead of a fence:
// Jekyll's Liquid `{% highlight python linenos %}` ... `{% endhighlight %}`
// and Hugo's `{{< highlight python "linenos=table" >}}` ... `{{< /highlight >}}`
// (or `{{% %}}`). The Markdown reader sees the fence each one renders as,
// line for line; Liquid's `{% raw %}` and `{% endraw %}` alone on a line
// render as nothing.

#include <string>
#include <vector>

namespace guidecheck {

/// `lines` with each highlight tag that has its closing tag replaced by the
/// fence it renders as, and raw tags by blank lines: as many lines, each
/// other line as it was. Tags inside a fenced block are its content.
std::vector<std::string> highlight_tags_as_fences(std::vector<std::string> lines);

}  // namespace guidecheck
