using Gongkai.Data.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gongkai.UseCases.Notifications;

/// <summary>One e-mail to one person.</summary>
public sealed record MailMessageToSend(string ToAddress, string ToName, string Subject, string Body);

/// <summary>Sends e-mail notices; <see cref="IsConfigured"/> is false when no SMTP server is set, and nothing is sent.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyList<MailMessageToSend> messages, CancellationToken ct = default);
}

/// <summary>E-mail through the SMTP server of Gongkai:Mail (MailKit), one connection per batch.</summary>
public sealed class SmtpMailSender(IOptions<GongkaiOptions> options) : IMailSender
{
    private MailOptions Mail => options.Value.Mail;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Mail.SmtpHost);

    public async Task SendAsync(IReadOnlyList<MailMessageToSend> messages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!IsConfigured || messages.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient();
        var security = Mail.Security.ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "SSL" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(Mail.SmtpHost!, Mail.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(Mail.UserName))
        {
            await client.AuthenticateAsync(Mail.UserName, Mail.Password ?? string.Empty, ct);
        }

        foreach (var m in messages)
        {
            using var message = new MimeMessage();
            message.From.Add(new MailboxAddress(Mail.FromName, Mail.From));
            message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
            message.Subject = m.Subject;
            message.Body = new TextPart("plain") { Text = m.Body };
            await client.SendAsync(message, ct);
        }

        await client.DisconnectAsync(quit: true, ct);
    }
}
