namespace AlignBot.Storage;

/// <summary>
/// The store's files hold bot tokens and the key that encrypts them: folders are created 0700 and files 0600, so other
/// users of the machine read none of them. (On Windows the folder's inherited ACL applies.)
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) readable by its owner only; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>Options that create a new file readable and writable by its owner only.</summary>
    public static FileStreamOptions NewFile(FileAccess access)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    /// <summary>
    /// Creates an empty file, owner-only, unless it exists. SQLite then opens it as a new database and gives its -wal
    /// and -shm files the same permissions.
    /// </summary>
    public static void CreateEmpty(string path)
    {
        if (File.Exists(path))
            return;
        try
        {
            using var _ = new FileStream(path, NewFile(FileAccess.Write));
        }
        catch (IOException) when (File.Exists(path))
        {
            // another process created it first
        }
    }
}
