package io.aitrader.groww.feed.nats;

import io.aitrader.api.BrokerException;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * One Ed25519 user nkey and the socket grant minted for it, as a jnats {@link AuthHandler}: the server's
 * {@code INFO} nonce is signed with the private key and {@code CONNECT} carries the JWT, the public key and the
 * signature (what nats-py does with user credentials). Never printed: {@link #toString()} hides everything.
 * Thread-safe (immutable; nkey signing is stateless).
 */
final class FeedCredentials implements AuthHandler {
  private final NKey key;
  private final String publicKey;
  private final SocketGrant grant;

  private FeedCredentials(NKey key, String publicKey, SocketGrant grant) {
    this.key = key;
    this.publicKey = publicKey;
    this.grant = grant;
  }

  /** Makes a fresh user nkey and asks {@code tokens} for a grant bound to its public key. */
  static FeedCredentials mint(SocketTokenSource tokens, SecureRandom random) {
    NKey key;
    String publicKey;
    try {
      key = NKey.createUser(random);
      publicKey = new String(key.getPublicKey());
    } catch (GeneralSecurityException | IOException e) {
      throw new BrokerException("cannot create an Ed25519 user nkey for the Groww feed: " + e.getMessage(), false, e);
    }
    SocketGrant grant = tokens.mint(publicKey);
    if (grant == null) {
      throw new BrokerException("the socket-token source returned no grant", true);
    }
    return new FeedCredentials(key, publicKey, grant);
  }

  SocketGrant grant() {
    return grant;
  }

  String publicKey() {
    return publicKey;
  }

  /** {@code text} with the JWT replaced by {@code ***}. */
  String redact(String text) {
    return grant.token().redact(text);
  }

  @Override
  public byte[] sign(byte[] nonce) {
    try {
      return key.sign(nonce);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign the server nonce with the feed's nkey", e);
    }
  }

  @Override
  public char[] getID() {
    return publicKey.toCharArray();
  }

  @Override
  public char[] getJWT() {
    return grant.token().reveal().toCharArray();
  }

  /** Wipes the private key; the credentials cannot sign afterwards. */
  void clear() {
    key.clear();
  }

  @Override
  public String toString() {
    return "FeedCredentials[****]";
  }
}
