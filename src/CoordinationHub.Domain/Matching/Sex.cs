namespace CoordinationHub.Domain.Matching;

/// <summary>Sex as recorded by the reporting agency; absent (null) when not recorded.</summary>
public enum Sex
{
    Female = 1,
    Male = 2,
}
