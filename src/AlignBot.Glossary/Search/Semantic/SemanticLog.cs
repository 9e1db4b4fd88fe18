using Microsoft.Extensions.Logging;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>Log messages of the sentence model and its entry vector cache, event ids 7xxx.</summary>
internal static partial class SemanticLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "The sentence model could not be loaded; search stays lexical")]
    public static partial void ModelLoadFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The sentence model cannot be kept in {Folder} ({Error}); using the temporary folder, and entry vectors are not saved")]
    public static partial void ModelFolderReadOnly(this ILogger logger, string folder, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Sentence model loaded in {Milliseconds:0} ms; {Cached} entry vectors cached")]
    public static partial void ModelLoaded(this ILogger logger, double milliseconds, int cached);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Entry vector cache {File} is not one this version wrote; it is started again")]
    public static partial void VectorCacheForeign(this ILogger logger, string file);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Entry vector cache {File} could not be read ({Error}); entries are encoded again")]
    public static partial void VectorCacheUnreadable(this ILogger logger, string file, string error);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Entry vectors cannot be saved to {File} ({Error}); they are kept in memory and encoded again on the next start")]
    public static partial void VectorCacheNotSaved(this ILogger logger, string? file, string error);
}
