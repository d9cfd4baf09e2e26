// pops feedback add|link: record customer feedback and link it to roadmap items, in place.

#include "commands.h"

#include "date.h"
#include "ops.h"

namespace pops::cli {

namespace {

struct FeedbackOpts {
  EditOptions edit;
  FeedbackSpec spec;
  std::string fb;
  std::vector<std::string> items;
};

} // namespace

void setup_feedback(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<FeedbackOpts>();

  CLI::App* add = app.add_subcommand("add", "Add a feedback entry with the next free FB id; prints the id");
  add->add_option("--source", o->spec.source, "Where it came from: one of feedback_sources")->required();
  add->add_option("--customer", o->spec.customer, "Customer name")->required();
  add->add_option("--quote", o->spec.quote, "The customer's words");
  add->add_option("--summary", o->spec.summary, "Your summary (a quote or a summary is required)");
  add->add_option("--item", o->spec.items, "A roadmap item it supports (repeat, or a,b)")
    ->allow_extra_args(false)->option_text("ID");
  add->add_option("--tag", o->spec.tags, "A tag (repeat, or a,b)")->allow_extra_args(false)->option_text("T");
  add->add_option("--date", o->spec.date, "When it was given, YYYY-MM-DD (default: today); decides the file "
                                          "feedback/YYYY-MM.yaml");
  add->add_option("--arr", o->spec.arr, "Annual recurring revenue of the customer")->option_text("N");
  add->add_option("--segment", o->spec.segment, "Customer segment, e.g. enterprise");
  add->add_option("--url", o->spec.url, "Link to the source (ticket, call notes)");
  add_edit_options(*add, o->edit);

  CLI::App* link = app.add_subcommand("link", "Link a feedback entry to roadmap items");
  link->add_option("fb", o->fb, "The feedback entry, e.g. FB-12")->required();
  link->add_option("items", o->items, "Items to add to its 'items', e.g. PAY-3")->required();
  add_edit_options(*link, o->edit);

  app.footer("Every change is checked first: one that would add errors to 'pops check' is refused (exit 1)\n"
             "unless --force. Only the new bytes are written; comments and layout stay.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");

  run = [o, add](Context& ctx) {
    if (add->parsed()) {
      return run_edit(ctx, o->edit, true, true, [o](const EditSession& s, const UsedIds& used) {
        return plan_feedback_add(s, o->spec, used, today());
      });
    }
    return run_edit(ctx, o->edit, false, false, [o](const EditSession& s, const UsedIds&) {
      return plan_feedback_link(s, o->fb, o->items);
    });
  };
}

} // namespace pops::cli
