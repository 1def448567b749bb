using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet([FromQuery] int code)
    {
        (Title, Explanation) = code switch
        {
            400 => ("请求有误", "提交的内容无法处理，请检查后重试。"),
            403 => ("没有权限", "您的账号没有访问此页面的权限。"),
            404 => ("页面不存在", "您要找的页面不存在或已被移除，请检查网址。"),
            405 => ("请求方式不正确", "此页面不支持这种请求方式。"),
            413 => ("文件过大", "上传的文件超过了允许的大小。"),
            429 => ("请求过于频繁", "请稍候片刻再试。"),
            _ => ("无法完成请求", $"服务器返回了状态码 {code}。"),
        };
    }

    public void OnPost([FromQuery] int code) => OnGet(code);
}
