package dev.vitrine.eventlog.webhook;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for one delivery: the target's host resolves to the addresses the check approved, and to nothing
 * else, however the name resolves by now (a DNS answer that changes between the check and the connection, DNS
 * rebinding, goes nowhere). Any other name fails, so a URL the HTTP client read differently from the check cannot
 * reach a host nobody checked. IP literals never get here: the client connects to them as written, which is what
 * the check judged.
 */
final class PinnedResolver extends AddressResolverGroup<InetSocketAddress> {

    private final String host;
    private final List<InetAddress> addresses;

    PinnedResolver(String host, List<InetAddress> addresses) {
        this.host = host;
        this.addresses = List.copyOf(addresses);
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {

            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return !address.isUnresolved();
            }

            @Override
            protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
                if (checked(unresolved, promise)) {
                    promise.setSuccess(new InetSocketAddress(addresses.getFirst(), unresolved.getPort()));
                }
            }

            @Override
            protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
                if (checked(unresolved, promise)) {
                    promise.setSuccess(addresses.stream()
                            .map(address -> new InetSocketAddress(address, unresolved.getPort()))
                            .toList());
                }
            }
        };
    }

    private boolean checked(InetSocketAddress unresolved, Promise<?> promise) {
        if (host.equalsIgnoreCase(unresolved.getHostString())) {
            return true;
        }
        promise.setFailure(new UnknownHostException(unresolved.getHostString() + " is not the checked " + host));
        return false;
    }
}
