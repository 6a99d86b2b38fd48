package io.aitrader.connector.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A small SMTP server on 127.0.0.1 that follows a script: the replies GreenMail cannot give (4xx and 5xx codes,
 * silence, STARTTLS). It records every command line it receives, marked {@code [tls] } once the connection was
 * upgraded with STARTTLS, and every message body. One connection at a time; {@link #close()} stops it.
 */
final class ScriptedSmtpPeer implements AutoCloseable {
  /** Key of {@link Builder#reply} for the reply after the message data (the {@code DATA} key is the 354). */
  static final String END_OF_DATA = "END-OF-DATA";

  private final ServerSocket server;
  private final String greeting;
  private final boolean silent;
  private final @Nullable SSLContext tls;
  private final Map<String, String> replies;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile @Nullable Socket current;

  private ScriptedSmtpPeer(Builder b) throws IOException {
    this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.greeting = b.greeting;
    this.silent = b.silent;
    this.tls = b.offerStartTls ? serverTls() : null;
    this.replies = Map.copyOf(b.replies);
    this.thread = new Thread(this::serve, "scripted-smtp-peer");
    thread.setDaemon(true);
    thread.start();
  }

  static Builder builder() {
    return new Builder();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every command line received, in order; {@code [tls] } in front of those sent after STARTTLS. */
  List<String> commands() {
    return List.copyOf(commands);
  }

  /** The data of every message received. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    Socket s = current;
    if (s != null) {
      s.close();
    }
    thread.join(5_000);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        current = socket;
        converse(socket);
      } catch (IOException e) {
        if (!server.isClosed()) {
          commands.add("(connection failed: " + e + ")");
        }
      }
    }
  }

  private void converse(Socket socket) throws IOException {
    if (silent) {
      // never greet; wait until the client gives up and closes
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // discard
      }
      return;
    }
    Socket s = socket;
    boolean upgraded = false;
    BufferedReader in = reader(s);
    Writer out = writer(s);
    send(out, greeting);
    if (!greeting.startsWith("220")) {
      return;
    }
    String line;
    while ((line = in.readLine()) != null) {
      commands.add((upgraded ? "[tls] " : "") + line);
      String verb = verb(line);
      String scripted = replies.get(verb);
      if (scripted != null) {
        send(out, scripted);
        if (scripted.startsWith("421")) {
          return;
        }
        continue;
      }
      switch (verb) {
        case "EHLO" -> send(out, "250-peer.test\r\n250-AUTH LOGIN PLAIN\r\n"
            + (tls != null && !upgraded ? "250-STARTTLS\r\n" : "") + "250 8BITMIME");
        case "HELO" -> send(out, "250 peer.test");
        case "STARTTLS" -> {
          if (tls == null || upgraded) {
            send(out, "502 5.5.1 STARTTLS not offered");
          } else {
            send(out, "220 2.0.0 Ready to start TLS");
            s = upgrade(s);
            in = reader(s);
            out = writer(s);
            upgraded = true;
          }
        }
        case "AUTH" -> authenticate(line, in, out);
        case "MAIL", "RCPT", "RSET", "NOOP" -> send(out, "250 2.0.0 OK");
        case "DATA" -> {
          send(out, "354 End data with <CR><LF>.<CR><LF>");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d).append('\n');
          }
          messages.add(data.toString());
          send(out, replies.getOrDefault(END_OF_DATA, "250 2.0.0 queued"));
        }
        case "QUIT" -> {
          send(out, "221 2.0.0 bye");
          return;
        }
        default -> send(out, "500 5.5.2 unrecognised command");
      }
    }
  }

  /** Accepts any login: AUTH LOGIN (two challenges) or AUTH PLAIN (with or without an initial response). */
  private static void authenticate(String line, BufferedReader in, Writer out) throws IOException {
    String[] words = line.trim().split("\\s+");
    String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
    if (mechanism.equals("LOGIN")) {
      send(out, "334 VXNlcm5hbWU6");
      in.readLine();
      send(out, "334 UGFzc3dvcmQ6");
      in.readLine();
    } else if (mechanism.equals("PLAIN") && words.length == 2) {
      send(out, "334 ");
      in.readLine();
    }
    send(out, "235 2.7.0 Authentication successful");
  }

  private Socket upgrade(Socket plain) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, plain.getInetAddress().getHostAddress(),
        plain.getPort(), true);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    current = ssl;
    return ssl;
  }

  private static String verb(String line) {
    int space = line.indexOf(' ');
    int colon = line.indexOf(':');
    int end = line.length();
    if (space > 0) {
      end = space;
    }
    if (colon > 0 && colon < end) {
      end = colon;
    }
    return line.substring(0, end).toUpperCase(Locale.ROOT);
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
  }

  private static Writer writer(Socket s) throws IOException {
    return new OutputStreamWriter(s.getOutputStream(), StandardCharsets.ISO_8859_1);
  }

  private static void send(Writer out, String reply) throws IOException {
    out.write(reply);
    out.write("\r\n");
    out.flush();
  }

  /** A server TLS context with GreenMail's self-signed test certificate (its bundled {@code greenmail.p12}). */
  private static SSLContext serverTls() throws IOException {
    char[] password = "changeit".toCharArray();
    try (InputStream in = ScriptedSmtpPeer.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
      if (in == null) {
        throw new IOException("greenmail.p12 is not on the test class path");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load GreenMail's test certificate", e);
    }
  }

  /** Configures a {@link ScriptedSmtpPeer}. */
  static final class Builder {
    private String greeting = "220 peer.test ESMTP ready";
    private boolean silent;
    private boolean offerStartTls;
    private final Map<String, String> replies = new HashMap<>();

    /** The first line the server sends; not 220 means it closes right after. */
    Builder greeting(String greeting) {
      this.greeting = greeting;
      return this;
    }

    /** Accept connections but never say anything. */
    Builder silent() {
      this.silent = true;
      return this;
    }

    /** Advertise STARTTLS and upgrade with GreenMail's self-signed certificate. */
    Builder offerStartTls() {
      this.offerStartTls = true;
      return this;
    }

    /** Answer every command with this verb ({@code MAIL}, {@code RCPT}, {@code AUTH}…) with {@code reply}. */
    Builder reply(String verb, String reply) {
      replies.put(verb, reply);
      return this;
    }

    ScriptedSmtpPeer start() throws IOException {
      return new ScriptedSmtpPeer(this);
    }
  }
}
