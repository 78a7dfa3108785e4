using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>
/// One Open311 element as ordered fields; a field's value is text, a number, a boolean, null, or a
/// list of elements. Every answer is built once as elements and written as JSON or XML from them,
/// so the two formats cannot disagree.
/// </summary>
public sealed class Open311Element(string name) : List<KeyValuePair<string, object?>>
{
    public string Name { get; } = name;

    public Open311Element With(string field, object? value)
    {
        Add(new(field, value));
        return this;
    }
}

/// <summary>A list answer: the root's name in XML ("services", "service_requests", "errors"), its elements.</summary>
public sealed record Open311Answer(string Root, IReadOnlyList<Open311Element> Items, int Status = 200)
{
    public IResult ToResult(string format) => format == "xml"
        ? Results.Content(Xml(), "text/xml; charset=utf-8", Encoding.UTF8, Status)
        : Results.Content(Json(), "application/json; charset=utf-8", Encoding.UTF8, Status);

    private string Json()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteArray(w, Items);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter w, IEnumerable<Open311Element> items)
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStartObject();
            foreach (var (field, value) in item)
            {
                w.WritePropertyName(field);
                switch (value)
                {
                    case null: w.WriteNullValue(); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case int i: w.WriteNumberValue(i); break;
                    case double d: w.WriteNumberValue(d); break;
                    case IEnumerable<Open311Element> list: WriteArray(w, list); break;
                    default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private string Xml()
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement(Root);
            foreach (var item in Items) WriteElement(w, item);
            w.WriteEndElement();
        }
        // StringBuilder output declares UTF-16; the body is sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteElement(XmlWriter w, Open311Element item)
    {
        w.WriteStartElement(item.Name);
        foreach (var (field, value) in item)
        {
            w.WriteStartElement(field);
            switch (value)
            {
                case null: break;
                case bool b: w.WriteString(b ? "true" : "false"); break;
                case IEnumerable<Open311Element> list: foreach (var e in list) WriteElement(w, e); break;
                default: w.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>The specification's error answer: an array of {code, description}.</summary>
    public static Open311Answer Error(int status, string description) =>
        new("errors", [new Open311Element("error").With("code", status).With("description", description)], status);
}
