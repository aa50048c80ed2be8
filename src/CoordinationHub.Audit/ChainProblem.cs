namespace CoordinationHub.Audit;

/// <summary>One finding of the verifier: where (chain, seq), what kind, and the evidence in words.</summary>
public sealed record ChainProblem(int Chain, long Seq, ChainProblemKind Kind, string Detail)
{
    public override string ToString() => $"chain {Chain} seq {Seq}: {Kind}: {Detail}";
}
