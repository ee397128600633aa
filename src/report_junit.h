#pragma once
// The JUnit XML report of `check` (`--format junit`), for CI test viewers.

#include <string>
#include <string_view>
#include <vector>

#include "report_model.h"

namespace guidecheck {

/// `text` made safe for an XML 1.0 attribute value (and for character data):
/// & < > " ' escaped; tab, newline and carriage return written as character
/// references, which attribute-value normalisation would otherwise turn into
/// spaces; every maximal invalid UTF-8 subpart, U+FFFE and U+FFFF replaced by
/// U+FFFD (as replace_invalid_utf8 does); every other C0 control, which
/// XML 1.0 forbids (such as the ESC of ANSI colors), written as its Unicode
/// Control Picture U+2400 + c ("\x1b" becomes U+241B, "\0" U+2400).
std::string xml_escape(std::string_view text);

/// Like xml_escape, for character data between tags: tabs and newlines stay
/// as they are (carriage returns are still written &#13;, which parsers would
/// otherwise turn into newlines).
std::string xml_escape_text(std::string_view text);

/// The JUnit report: one <testsuite name="guidecheck"> with the counts, a
/// <property> per known erratum, and a <testcase classname="<guide file
/// name>" name="<id>" file="<guide>" line="<first line>" time="..."> per
/// snippet, in order. A failed snippet carries <failure message="<first
/// problem>"> with its problems, mismatching claims and golden diff; one
/// that could not run to its end (error, timeout, crashed) carries <error>
/// instead; both end with the tail of stderr when the run did not exit 0. A
/// skipped one carries <skipped message="<reason>"/>. Its notes and known errata are <property> elements
/// of the testcase (as pytest writes them), its output <system-out> and
/// <system-err>. JUnit counts failures and errors apart: failures + errors is
/// the JSON report's `failed`. The suite's time is the sum of the snippets'
/// durations. Without a guide (first_line 0) file is the snippet's path and
/// line is left out.
std::string render_junit_report(const Report& report);

}  // namespace guidecheck
