package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written recursive-descent parser of feature expressions; every error is a
 * {@link FeatureExpressionException} with the expression and the 0-based position.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | postfix
 * postfix := primary ('.' name)?
 * primary := number | name | name '(' (expr (',' expr)*)? ')' | '(' expr ')'
 * </pre>
 */
final class Parser {
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private enum Kind { NUMBER, NAME, LPAREN, RPAREN, COMMA, DOT, PLUS, MINUS, STAR, SLASH, END }

  private record Token(Kind kind, String text, int pos) {}

  private final String source;
  private final List<Token> tokens;
  private int next;

  private Parser(String source) {
    this.source = source;
    this.tokens = lex(source);
  }

  /** Parses {@code source} (the expression as written, untrimmed: positions refer to it). */
  static Ast parse(String source) {
    Parser p = new Parser(source);
    if (p.peek().kind == Kind.END) {
      throw p.error(p.peek().pos == 0 ? 0 : p.peek().pos, "the expression is empty");
    }
    Ast e = p.expr();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      if (t.kind == Kind.RPAREN) {
        throw p.error(t.pos, "unbalanced ')': there is no '(' to close");
      }
      throw p.error(t.pos, "unexpected " + describe(t) + " after the end of the expression");
    }
    return e;
  }

  private Ast expr() {
    Ast left = term();
    while (peek().kind == Kind.PLUS || peek().kind == Kind.MINUS) {
      Token op = take();
      left = new Ast.Binary(op.text.charAt(0), left, term(), op.pos);
    }
    return left;
  }

  private Ast term() {
    Ast left = unary();
    while (peek().kind == Kind.STAR || peek().kind == Kind.SLASH) {
      Token op = take();
      left = new Ast.Binary(op.text.charAt(0), left, unary(), op.pos);
    }
    return left;
  }

  private Ast unary() {
    if (peek().kind == Kind.MINUS) {
      Token minus = take();
      return new Ast.Neg(unary(), minus.pos);
    }
    return postfix();
  }

  private Ast postfix() {
    Ast primary = primary();
    if (peek().kind != Kind.DOT) {
      return primary;
    }
    Token dot = take();
    if (!(primary instanceof Ast.Call) || ((Ast.Call) primary).output() != null) {
      throw error(dot.pos, "'.' selects an output of an indicator call, e.g. macd(12,26,9).signal; '"
          + source.substring(primary.pos(), dot.pos).trim() + "' is not one");
    }
    Token name = take();
    if (name.kind != Kind.NAME) {
      throw error(name.pos, "expected an output name after '.', found " + describe(name));
    }
    Ast.Call c = (Ast.Call) primary;
    return new Ast.Call(c.name(), c.pos(), c.args(), c.closePos(), name.text, name.pos);
  }

  private Ast primary() {
    Token t = take();
    switch (t.kind) {
      case NUMBER:
        return new Ast.Num(Double.parseDouble(t.text), t.text, t.pos);
      case NAME:
        if (peek().kind != Kind.LPAREN) {
          return new Ast.Name(t.text, t.pos);
        }
        return call(t);
      case LPAREN: {
        Ast inner = expr();
        expectClose(t);
        return inner;
      }
      default:
        throw error(t.pos, (t.kind == Kind.END ? "the expression ends where " : "unexpected " + describe(t) + " where ")
            + "a number, a bar field, a call or '(' was expected");
    }
  }

  private Ast call(Token name) {
    Token open = take();
    List<Ast> args = new ArrayList<>();
    if (peek().kind != Kind.RPAREN) {
      args.add(expr());
      while (peek().kind == Kind.COMMA) {
        take();
        args.add(expr());
      }
    }
    int close = peek().pos;
    expectClose(open);
    return new Ast.Call(name.text, name.pos, List.copyOf(args), close, null, -1);
  }

  private void expectClose(Token open) {
    Token t = take();
    if (t.kind == Kind.RPAREN) {
      return;
    }
    if (t.kind == Kind.END) {
      throw error(t.pos, "missing ')' to close the '(' at " + open.pos);
    }
    throw error(t.pos, "expected ',' or ')' but found " + describe(t) + " (the '(' at " + open.pos + " is not closed)");
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind != Kind.END) {
      next++;
    }
    return t;
  }

  private FeatureExpressionException error(int pos, String problem) {
    return new FeatureExpressionException(source, pos, problem);
  }

  private static String describe(Token t) {
    switch (t.kind) {
      case END: return "end of the expression";
      case NUMBER: return "number " + t.text;
      case NAME: return "'" + t.text + "'";
      default: return "'" + t.text + "'";
    }
  }

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isDigit(s.charAt(i + 1))) {
        i = numberEnd(s, i);
        String text = s.substring(start, i);
        if (!NUMBER.matcher(text).matches()) {
          throw new FeatureExpressionException(s, start, "bad number '" + text
              + "': write digits with an optional fraction and exponent, e.g. 20, 2.5, 1e-3");
        }
        out.add(new Token(Kind.NUMBER, text, start));
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        while (i < n && (isDigit(s.charAt(i)) || Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, s.substring(start, i).toLowerCase(Locale.ROOT), start));
        continue;
      }
      Kind k = symbol(c);
      if (k == null) {
        throw new FeatureExpressionException(s, start, "unexpected character '" + c
            + "'; expressions use numbers, names, calls, '.', + - * / and parentheses");
      }
      out.add(new Token(k, String.valueOf(c), start));
      i++;
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  /** The end of a number-like run: digits, letters, '_', '.', and a sign right after an exponent 'e'. */
  private static int numberEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (isDigit(c) || Character.isLetter(c) || c == '_' || c == '.') {
        i++;
      } else if ((c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
          && i + 1 < n && isDigit(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static @Nullable Kind symbol(char c) {
    switch (c) {
      case '(': return Kind.LPAREN;
      case ')': return Kind.RPAREN;
      case ',': return Kind.COMMA;
      case '.': return Kind.DOT;
      case '+': return Kind.PLUS;
      case '-': return Kind.MINUS;
      case '*': return Kind.STAR;
      case '/': return Kind.SLASH;
      default: return null;
    }
  }
}
