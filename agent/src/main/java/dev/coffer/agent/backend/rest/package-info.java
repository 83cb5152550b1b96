/**
 * The restic REST protocol client (OkHttp): rest-server and {@code rclone serve restic}. URLs are
 * {@code <base>/<type>/<id>} without data sharding; listings ask for the v2 JSON format.
 */
package dev.coffer.agent.backend.rest;
