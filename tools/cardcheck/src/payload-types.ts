// The shapes check-blockkit compiles each Slack payload against. Blocks and views are Slack's own types from
// @slack/types; the message envelope is the set of fields AlignBot may send with chat.postMessage, a slash
// command's response or a response_url POST (https://docs.slack.dev/messaging/#payloads), so a misspelt or
// unknown field is a compile error too.
import type { HomeView, KnownBlock, ModalView } from "@slack/types";

export type Blocks = KnownBlock[];

export type { HomeView, ModalView };

export interface MessagePayload {
  text?: string;
  blocks?: KnownBlock[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
  channel?: string;
  thread_ts?: string;
  mrkdwn?: boolean;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
}
