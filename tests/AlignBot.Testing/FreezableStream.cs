namespace AlignBot.Testing;

/// <summary>
/// A connection's stream that can be frozen: from then on reads and writes wait (until the stream is disposed), while
/// the TCP connection stays open. What a half-dead link looks like to the other side: nothing arrives, nothing fails.
/// </summary>
public sealed class FreezableStream(Stream inner) : Stream
{
    private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _disposed = new();

    public void Freeze() => _frozen.TrySetResult();

    private async Task WaitIfFrozenAsync(CancellationToken cancellationToken)
    {
        if (_frozen.Task.IsCompleted)
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token).Token);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await WaitIfFrozenAsync(cancellationToken);
        var read = inner.ReadAsync(buffer, cancellationToken).AsTask();
        // A read already waiting when the stream is frozen must not deliver what arrives afterwards.
        await Task.WhenAny(read, _frozen.Task);
        if (!read.IsCompleted)
            await WaitIfFrozenAsync(cancellationToken);
        return await read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await WaitIfFrozenAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
            _disposed.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
