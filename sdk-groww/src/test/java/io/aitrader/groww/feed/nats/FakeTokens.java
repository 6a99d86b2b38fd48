package io.aitrader.groww.feed.nats;

import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.fake.nats.FakeSocketToken;
import io.nats.client.NKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake feed's token issuer as a {@link SocketTokenSource}, counting mints and keeping what it handed out. */
final class FakeTokens implements SocketTokenSource {
  final AtomicInteger minted = new AtomicInteger();
  final List<String> jwts = new CopyOnWriteArrayList<>();
  final List<String> keys = new CopyOnWriteArrayList<>();
  private final FakeFeedServer server;

  FakeTokens(FakeFeedServer server) {
    this.server = server;
  }

  @Override
  public SocketGrant mint(String userPublicKey) {
    FakeSocketToken t = server.issue(userPublicKey);
    minted.incrementAndGet();
    jwts.add(t.token());
    keys.add(userPublicKey);
    return SocketGrant.of(t.token(), t.subscriptionId());
  }

  String lastJwt() {
    return jwts.get(jwts.size() - 1);
  }

  static String otherUserKey() {
    try {
      return new String(NKey.createUser(new SecureRandom()).getPublicKey());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
