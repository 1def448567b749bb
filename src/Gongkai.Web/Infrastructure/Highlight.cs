using System.Text.Encodings.Web;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Infrastructure;

/// <summary>Renders highlighted text: every span HTML-encoded, the searched words inside &lt;mark&gt;, with no added spaces.</summary>
public static class Highlight
{
    public static IHtmlContent Html(IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var builder = new HtmlContentBuilder();
        foreach (var s in spans)
        {
            if (s.Hit)
            {
                builder.AppendHtml("<mark>");
                builder.Append(s.Text);
                builder.AppendHtml("</mark>");
            }
            else
            {
                builder.Append(s.Text);
            }
        }

        return builder;
    }
}
