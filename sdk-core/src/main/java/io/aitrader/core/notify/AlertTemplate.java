package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The title and body of one {@link Alert}, with {@code {field}} placeholders filled from the event. A template is
 * checked when it is made: a placeholder the alert does not have is refused, naming the fields it does have.
 *
 * <pre>{@code
 * AlertTemplate t = AlertTemplate.of(Alert.FILL, "Bought/sold {quantity} {instrument}", "at ₹{price} ({referenceId})");
 * }</pre>
 *
 * <p>Immutable and thread-safe. Every {@code {...}} must name a field of the alert; other text is copied as it is.
 */
public final class AlertTemplate {
  private final Alert alert;
  private final String title;
  private final String body;
  private final List<Object> titleParts;
  private final List<Object> bodyParts;

  private AlertTemplate(Alert alert, String title, String body) {
    this.alert = required(alert, "alert");
    this.title = ValidationException.requireText(title, "AlertTemplate.title");
    this.body = required(body, "AlertTemplate.body");
    this.titleParts = parse(alert, title, "title");
    this.bodyParts = parse(alert, body, "body");
  }

  /** A template for {@code alert}. */
  public static AlertTemplate of(Alert alert, String title, String body) {
    return new AlertTemplate(alert, title, body);
  }

  public Alert alert() {
    return alert;
  }

  /** The title with {@code fields} filled in. */
  public String title(Map<String, String> fields) {
    return render(titleParts, fields);
  }

  /** The body with {@code fields} filled in. */
  public String body(Map<String, String> fields) {
    return render(bodyParts, fields);
  }

  @Override
  public String toString() {
    return alert + "[" + title + " / " + body + "]";
  }

  /** Literal text as String, placeholders as a one-element String[]. */
  private static List<Object> parse(Alert alert, String text, String which) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = c == '{' ? text.indexOf('}', i + 1) : -1;
      if (close < 0) {
        literal.append(c);
        i++;
        continue;
      }
      String name = text.substring(i + 1, close);
      if (!alert.fields().contains(name)) {
        throw new ValidationException("AlertTemplate." + which, "the " + alert + " template's " + which + " uses {"
            + name + "}, which " + alert + " does not have; it has " + alert.fields());
      }
      if (literal.length() > 0) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      parts.add(new String[] {name});
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return List.copyOf(parts);
  }

  private static String render(List<Object> parts, Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.append(s);
      } else {
        out.append(fields.getOrDefault(((String[]) p)[0], ""));
      }
    }
    return out.toString();
  }
}
