package dev.kontak.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name this node goes by in the rows it writes (repair runs and leases, statistics): the host name and a
 * per-start suffix, so two instances on one host, or a restarted one, are different nodes.
 */
@ApplicationScoped
public class ThisNode {

    private final String name = nodeName();

    public String name() {
        return name;
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
