package org.prisonwatch.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses are on the public internet: everything outside the special-purpose ranges of the IANA registries
 * (RFC 6890 and its updates). A webhook target must be one of these unless the deployer allows private targets; the
 * ranges that can carry another address inside them (NAT64, 6to4, Teredo, IPv4-compatible) count as not public,
 * so that a private address cannot be smuggled in one. IPv4-mapped IPv6 addresses need no range: Java reads them
 * as the IPv4 address they map.
 */
final class PublicAddresses {

    private static final List<Range> NOT_PUBLIC = List.of(
            Range.of("0.0.0.0/8"), Range.of("10.0.0.0/8"), Range.of("100.64.0.0/10"), Range.of("127.0.0.0/8"),
            Range.of("169.254.0.0/16"), Range.of("172.16.0.0/12"), Range.of("192.0.0.0/24"),
            Range.of("192.0.2.0/24"), Range.of("192.88.99.0/24"), Range.of("192.168.0.0/16"),
            Range.of("198.18.0.0/15"), Range.of("198.51.100.0/24"), Range.of("203.0.113.0/24"),
            Range.of("224.0.0.0/4"), Range.of("240.0.0.0/4"),
            Range.of("::/96"), Range.of("64:ff9b::/96"), Range.of("64:ff9b:1::/48"),
            Range.of("100::/64"), Range.of("2001::/23"), Range.of("2001:db8::/32"), Range.of("2002::/16"),
            Range.of("3fff::/20"), Range.of("5f00::/16"), Range.of("::ffff:0:0:0/96"),
            Range.of("fc00::/7"), Range.of("fe80::/10"), Range.of("fec0::/10"), Range.of("ff00::/8"));

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        return NOT_PUBLIC.stream().noneMatch(range -> range.contains(bytes));
    }

    /** A CIDR range; an address of the other family is never in it. */
    private record Range(byte[] prefix, int bits) {

        static Range of(String cidr) {
            String[] parts = cidr.split("/");
            try {
                // literals only: getByName does no lookup for them
                return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
