/**
 * End-to-end tests of the {@code coffer} command line against real storage servers on loopback:
 * S3 (S3Proxy) and restic's REST protocol ({@code rclone serve restic}), with the real
 * {@code restic} binary reading and writing the same repositories, a fault-injecting HTTP proxy
 * between Coffer and the server, and request counts side by side with restic's.
 */
package dev.coffer.agent.e2e;
