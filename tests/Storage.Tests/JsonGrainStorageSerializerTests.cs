using System.Text;

namespace Grid.Storage.Tests;

public sealed class JsonGrainStorageSerializerTests
{
    private readonly JsonGrainStorageSerializer _serializer = new();

    private sealed class OldShape
    {
        public string Text { get; set; } = "";
        public string Dropped { get; set; } = "";
    }

    private sealed class NewShape
    {
        public string Text { get; set; } = "";
        public int Added { get; set; } = 42;
        public Shade Shade { get; set; }
    }

    [Fact]
    public void StateWrittenByAnOlderShapeLoadsIgnoringUnknownFieldsAndDefaultingNewOnes()
    {
        var stored = _serializer.Serialize(new OldShape { Text = "kept", Dropped = "gone" });

        var loaded = _serializer.Deserialize<NewShape>(stored);

        Assert.Equal("kept", loaded.Text);
        Assert.Equal(42, loaded.Added);
        Assert.Equal(Shade.Plain, loaded.Shade);
    }

    [Fact]
    public void EnumsAreStoredByNameAndReadBackByName()
    {
        var stored = _serializer.Serialize(new NewShape { Text = "x", Shade = Shade.Striped });

        Assert.Contains("\"shade\":\"Striped\"", Encoding.UTF8.GetString(stored.ToArray()));
        Assert.Equal(Shade.Striped, _serializer.Deserialize<NewShape>(stored).Shade);
    }
}
