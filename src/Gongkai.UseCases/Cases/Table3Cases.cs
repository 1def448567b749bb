using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Data.Cases;

namespace Gongkai.UseCases.Cases;

/// <summary>An application as table 三 counts it (<see cref="Table3Computation"/>): its applicant's column, dates and row.</summary>
public static class Table3Cases
{
    /// <summary>The table-三 column of an applicant type: 自然人, then the five kinds of 法人或其他组织.</summary>
    public static int Column(ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => 0,
        ApplicantType.CommercialEnterprise => 1,
        ApplicantType.ResearchInstitution => 2,
        ApplicantType.SocialWelfareOrganization => 3,
        ApplicantType.LegalServiceInstitution => 4,
        ApplicantType.Other => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// A received 政府信息公开申请 as table 三 counts it; null for what table 三 does not count: a 更正申请, and an
    /// application not yet received (awaiting confirmation).
    /// </summary>
    public static Table3Case? Of(ApplicationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Received is not { } received || r.Type != CaseType.InformationDisclosure)
        {
            return null;
        }

        return new Table3Case(Column(r.ApplicantType), received, r.Served, r.Decision is { } d ? DecisionCatalog.Of(d).ReportRow : null);
    }
}
