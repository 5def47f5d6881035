package io.bessim.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Parses the JSON bessim reads back (a sweep folder's {@code sweep.json}) refusing what Gson's
 * {@code JsonParser} lets through: a key given twice in one object, where Gson silently keeps the
 * last value, and text after the value.
 */
final class StrictJson {
  private StrictJson() {}

  /** The value in {@code text}; throws IllegalArgumentException naming {@code origin}. */
  static JsonElement parse(String text, String origin) {
    try (JsonReader r = new JsonReader(new StringReader(text))) {
      JsonElement e = read(r, origin);
      boolean end;
      try {
        end = r.peek() == JsonToken.END_DOCUMENT;
      } catch (IOException x) {
        end = false;
      }
      if (!end) {
        throw new IllegalArgumentException(origin + " is not valid JSON: text after the value");
      }
      return e;
    } catch (IOException | IllegalStateException | JsonParseException e) {
      // Gson's messages name its exception class and advise lenient parsing, then give a URL.
      String why = String.valueOf(e.getMessage()).replaceFirst("^[\\w.]+Exception: ", "")
          .replaceFirst("Use JsonReader.setStrictness\\(.*?\\) to accept malformed JSON ",
              "malformed JSON ")
          .replaceFirst(";? *See https?://\\S+$", "");
      throw new IllegalArgumentException(origin + " is not valid JSON: " + why, e);
    }
  }

  private static JsonElement read(JsonReader r, String origin) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        JsonObject o = new JsonObject();
        r.beginObject();
        while (r.hasNext()) {
          String key = r.nextName();
          if (o.has(key)) {
            throw new IllegalArgumentException(String.format(
                "%s: key '%s' is given twice (at %s)", origin, key, r.getPath()));
          }
          o.add(key, read(r, origin));
        }
        r.endObject();
        return o;
      }
      case BEGIN_ARRAY -> {
        JsonArray a = new JsonArray();
        r.beginArray();
        while (r.hasNext()) a.add(read(r, origin));
        r.endArray();
        return a;
      }
      case STRING -> {
        return new JsonPrimitive(r.nextString());
      }
      case NUMBER -> {
        return new JsonPrimitive(new BigDecimal(r.nextString()));
      }
      case BOOLEAN -> {
        return new JsonPrimitive(r.nextBoolean());
      }
      case NULL -> {
        r.nextNull();
        return JsonNull.INSTANCE;
      }
      default -> throw new IllegalArgumentException(origin + " is not valid JSON at "
          + r.getPath());
    }
  }
}
