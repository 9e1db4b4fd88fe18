// Preloaded into the Agents Playground (node --require): every TCP server it opens listens on 127.0.0.1.
// The Playground itself listens on all interfaces and has no option to change that.
"use strict";
const net = require("node:net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  const isPort = typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first));
  if (isPort && typeof args[1] !== "string") {
    args.splice(1, 0, "127.0.0.1");                      // listen(port[, backlog][, callback])
  } else if (first !== null && typeof first === "object" && first.path === undefined && first.fd === undefined && first.handle === undefined) {
    args[0] = { ...first, host: first.host || "127.0.0.1" };  // listen({ port, host?, … })
  } else if (first === undefined || typeof first === "function") {
    args.unshift(0, "127.0.0.1");                        // listen([callback]): any free port
  }
  return listen.apply(this, args);
};
