package dev.vitrine.eventlog.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves host names: the system's resolver; tests stand in for it to play a name whose answer changes. */
@FunctionalInterface
interface Names {

    Names SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
