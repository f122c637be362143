using Vigia.Server.Json;

namespace Vigia.Server.Pipeline;

/// <summary>
/// The current live picture as the tracker loop last published it, for <c>GET /api/v1/tracks</c> and for
/// the first event of every stream connection.
/// </summary>
/// <remarks>Thread-safety: written by the tracker loop only; readers get an immutable snapshot.</remarks>
public sealed class TrackPicture(Microsoft.Extensions.Options.IOptions<Hosting.VigiaServerOptions> options)
{
    private volatile PictureDto _current = new("live", null, []) { Exercise = options.Value.Exercise ? true : null };
    private volatile bool _ready;

    /// <summary>The latest picture.</summary>
    public PictureDto Current => _current;

    /// <summary>True once start-up recovery has rebuilt the picture from the journal.</summary>
    public bool Ready => _ready;

    /// <summary>Replaces the picture (tracker loop only).</summary>
    public void Set(PictureDto picture) => _current = picture;

    /// <summary>Marks recovery complete.</summary>
    public void MarkReady() => _ready = true;
}
