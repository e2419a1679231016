// Tells whether the client of an HTTP request has closed its connection, so that a generation
// nobody will read is cancelled (llama.cpp's server does the same). cpp-httplib 0.11 does not hand
// the connection's socket to request handlers (Request::is_connection_closed arrived in 0.15), so
// the socket is found by its address pair among this process's descriptors (Linux /proc/self/fd).
// Where it cannot be found, peerClosed() is always false and a closed connection is noticed at the
// next write instead.
#pragma once

#include <string>

namespace migician::serve {

class ConnectionProbe
{
public:
    ConnectionProbe() = default;
    // The addresses and ports as cpp-httplib's Request reports them.
    static ConnectionProbe find(const std::string &localAddress, int localPort,
                                const std::string &remoteAddress, int remotePort);

    bool isValid() const { return m_socket >= 0; }
    // The peer closed or reset the connection (never blocks).
    bool peerClosed() const;

private:
    int m_socket = -1;
};

} // namespace migician::serve
