using System.Numerics.Tensors;

namespace AlignBot.Glossary.Search.Semantic;

internal static class VectorMath
{
    /// <summary>Scales the vector to length 1 in place; a zero vector stays zero.</summary>
    public static void Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <summary>The cosine of two unit vectors.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);
}
