package dev.coffer.agent.e2e;

/** What {@link FaultProxy} does to one request. */
enum Fault {
    /** Pass the request on and the answer back. */
    NONE,
    /** Answer 500 Internal Error without passing the request on. */
    ERROR_500,
    /** Answer 503 Slow Down without passing the request on. */
    ERROR_503,
    /** Pass the request on, send back half the answer, then reset the connection (TCP RST). */
    RESET,
    /** Pass the request on, then send nothing for a while and close: the client must time out. */
    STALL,
    /**
     * Stop reading a request with a large body (1 MiB or more) after its headers, for a while,
     * then close: the upload hangs once the socket buffers are full, and the client must notice
     * that it cannot send.
     */
    STALL_UPLOAD
}
