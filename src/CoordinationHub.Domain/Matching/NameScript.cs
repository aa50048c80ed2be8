namespace CoordinationHub.Domain.Matching;

/// <summary>The writing system a name was given in. <see cref="Unknown"/> lets the matcher detect it.</summary>
public enum NameScript
{
    Unknown = 0,
    Arabic = 1,
    Latin = 2,
}
