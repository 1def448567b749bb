namespace Gongkai.Core.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is stable (tests, API clients and logs key on it);
/// <see cref="Exception.Message"/> is the Chinese sentence shown to the person.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException(string code, string message, Exception inner)
        : base(message, inner)
    {
        Code = code;
    }

    public string Code { get; }
}
