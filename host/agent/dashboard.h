// The dashboard (host/PROTOCOL.md, "Loopback agent"): read-only pages over the person's history for
// any browser on this computer, behind a one-time login.
//
//   POST /login/new   Bearer <agent secret>, no Origin → {"url": "http://127.0.0.1:PORT/login?t=<64 hex>"}
//                     (one use, valid 60 s; `objector open` asks for it)
//   GET  /login?t=…   → 303 to / with Set-Cookie objector_session=<64 hex>; HttpOnly; SameSite=Strict; Path=/
//                     (a random 256-bit id kept in memory: it ends with the agent or after 12 h unused)
//   GET  /  /history[?offset=N]  /report  /export  /export/<format>  /verify    (cookie needed, else 401)
//   GET  /style.css   (no cookie needed: the 401 page uses it)
//
// Every page is built from replies of state.call (the host's handler table; no second reader of the
// database), carries a strict Content-Security-Policy, has no scripts, and escapes every value.
// The language follows Accept-Language (en, de, fr, nl, it, es, pl; else en).
#ifndef OBJECTOR_AGENT_DASHBOARD_H_
#define OBJECTOR_AGENT_DASHBOARD_H_

#include "agent/agent_state.h"

namespace httplib {
class Server;
}

namespace objector {

// The CSP of every dashboard page (the report adds the hashes of its own inline styles).
inline constexpr const char kDashboardCsp[] =
    "default-src 'none'; style-src 'self'; img-src data:; frame-src 'none'; form-action 'none'; "
    "frame-ancestors 'none'; base-uri 'none'";

// Adds the dashboard's routes to `server`. `state` must outlive the server; the logins and sessions
// live as long as the routes.
void RegisterDashboard(httplib::Server& server, AgentState& state);

}  // namespace objector

#endif  // OBJECTOR_AGENT_DASHBOARD_H_
