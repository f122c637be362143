namespace Vigia.Storage.Ado;

/// <summary>One schema step: applied once, in its own transaction, in version order.</summary>
/// <param name="Version">The schema version the database is at after this step (1, 2, …, no gaps).</param>
/// <param name="Description">What the step does (stored in <c>schema_migrations</c>).</param>
/// <param name="Sql">The DDL, possibly several statements.</param>
internal sealed record Migration(int Version, string Description, string Sql);
