/** English for tickets and customer service (TICKET-*), spread into the English catalogue. */
export const enTickets = {
  'errors.TICKET_STATUS_CONFLICT':
    'This ticket has changed in the meantime, so that is no longer possible. Reload to see where it stands.',
  'errors.IDEMPOTENCY_KEY_REUSED':
    'This submission was already sent with other content. Try again.',

  'audit.ticket.unbind_requested': 'Unbind MFA ticket submitted',
  'audit.ticket.unbind_processed':
    'Unbind MFA ticket processed by customer service ({agent}, {agentEmail})',
  'audit.ticket.unbind_canceled': 'Unbind MFA request canceled from the email link',

  'tickets.type.unbind_mfa': 'Unbind MFA',
  'tickets.form.unbindUnavailable': '{type} (your account has no MFA to unbind)',
  'tickets.type.change_owner': 'Change Owner Account',
  'tickets.type.purchase_inquiry': 'Purchase Inquiry',
  'tickets.type.help_documentation': 'Help Documentation',
  'tickets.type.feature_request': 'Feature Request',
  'tickets.type.bug_report': 'Bug Report',
  'tickets.type.usage_issue': 'Usage Issues',
  'tickets.type.other': 'Others',

  'tickets.status.waiting_assignment': 'Waiting for Assignment',
  'tickets.status.waiting_feedback': 'Waiting for Feedback',
  'tickets.status.feedback_provided': 'Feedback Provided',
  'tickets.status.closed': 'Closed',
  'tickets.status.canceled': 'Canceled',

  'tickets.event.accepted': 'Customer service accepted the ticket',
  'tickets.event.canceled': 'The ticket was canceled',
  'tickets.event.restarted': 'The ticket was restarted',
  'tickets.event.closed_by_requester': 'The ticket was closed by its submitter',
  'tickets.event.closed_by_agent': 'Customer service closed the ticket',
  'tickets.event.closed_automatically':
    'The ticket closed by itself after 7 days without an answer',
  'tickets.event.mfa_unbound': 'Customer service unbound MFA from the account',

  'tickets.field.number': 'Ticket number',
  'tickets.field.numberShort': 'Number',
  'tickets.field.title': 'Title',
  'tickets.field.description': 'Description',
  'tickets.field.type': 'Type',
  'tickets.field.status': 'Status',
  'tickets.field.submitter': 'Submitter',
  'tickets.field.submitterEmail': 'Submitter email',
  'tickets.field.workspace': 'Workspace',
  'tickets.field.created': 'Submitted',
  'tickets.field.updated': 'Last update',
  'tickets.field.autoClose': 'Closes by itself on',
  'tickets.field.closed': 'Closed on',

  'tickets.views': 'Ticket lists',
  'tickets.view.all': 'All Tickets',
  'tickets.view.mine': 'My Tickets',
  'tickets.submit': 'Submit Ticket',
  'tickets.submitSubtitle':
    'Tell customer service what you need. You get an email at each step, and the answer here.',
  'tickets.backToList': 'Ticket Management',
  'tickets.cancelRequest.title': 'Cancel the Unbind MFA request',
  'tickets.cancelRequest.text':
    'Someone asked customer service to unbind MFA from your account. If it was not you, cancel the request: your MFA stays bound.',
  'tickets.cancelRequest.confirm': 'Cancel the request',
  'tickets.cancelRequest.done':
    'Request {number} was canceled. Your MFA stays bound. If you did not file it, change your password.',
  'tickets.cancelRequest.unknown': 'This link was already used, or it is not a valid link.',
  'tickets.cancelRequest.tooLate':
    'Customer service has already started on this request. Reply to its email to stop it.',
  'tickets.export': 'Export CSV',
  'tickets.exportFailed': 'The export failed.',
  'tickets.emptyMineHint': 'Tickets you submit, in any workspace, will be listed here.',
  'tickets.noMatches': 'No tickets match these filters',
  'tickets.noMatchesHint': 'Try another type, status or search, or clear the filters.',
  'tickets.noWorkspace': 'No workspace',
  'tickets.noWorkspaceTitle': 'You are not in a workspace',
  'tickets.noWorkspaceHint':
    'All Tickets lists the tickets of a workspace. See My Tickets for yours.',
  'tickets.submitted': 'Ticket {number} submitted',
  'tickets.submittedHint':
    'Customer service will pick it up soon. We email you at each step, and you can follow it here.',
  'tickets.submittedUnbindHint':
    'Your MFA stays bound until customer service has reviewed the request. We email you when it is done.',

  'tickets.filter.search': 'Search',
  'tickets.filter.searchPlaceholder': 'Ticket number or title',
  'tickets.filter.allTypes': 'All types',
  'tickets.filter.allStatuses': 'All statuses',
  'tickets.filter.clear': 'Clear filters',

  'pagination.label': 'Pages',
  'pagination.range': '{first}–{last} of {total}',
  'pagination.pageSize': 'Rows per page',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page} of {pages}',

  'tickets.how.title': 'How tickets work',
  'tickets.how.waiting_assignment':
    'Customer service has not picked it up yet. You can still cancel it.',
  'tickets.how.waiting_feedback': 'Customer service is working on it. Add details with a reply.',
  'tickets.how.feedback_provided':
    'Customer service answered. Reply, or close the ticket; it closes by itself after 7 days.',
  'tickets.how.closed': 'Done, and no longer open to replies. Rate the help you got.',

  'tickets.how.canceled':
    'You canceled it before customer service took it. Restart it from the ticket whenever you like.',
  'tickets.form.chooseTypeOption': 'Choose a type',
  'tickets.form.chooseType': 'Choose the type of your request.',
  'tickets.form.hint.unbind_mfa':
    'For a member who can no longer use their authenticator app. We first check your email; then customer service reviews the request and unbinds MFA from your account.',
  'tickets.form.hint.change_owner':
    'Attach the signed application form for the change of owner; the request cannot be processed without it.',
  'tickets.form.downloadTemplate': 'Download the application form template (.txt)',
  'tickets.form.descriptionPlaceholder':
    'What happened, what you expected, and how we can reach you.',
  'tickets.form.count': '{count} / {max} characters',
  'tickets.form.tooLong': 'Use at most {max} characters.',
  'tickets.form.codeRequired': 'Enter the verification code from the email.',
  'tickets.form.attachmentRequired': 'Attach the signed application form.',
  'tickets.form.attachmentInvalid':
    'An attachment can no longer be used. Remove it and add the file again.',
  'tickets.form.tooManyAttachments': 'Attach at most {max} files.',
  'tickets.form.waitForUploads': 'Wait until every file has been uploaded.',
  'tickets.form.fixUploads': 'Retry or remove the files that failed to upload.',
  'tickets.form.failed': 'The ticket was not submitted. Everything you entered is still here.',
  'tickets.form.submit': 'Submit',
  'tickets.form.submitting': 'Submitting…',

  'tickets.code.title': 'Verify your email',
  'tickets.code.text':
    'We send a 6-digit verification code to {email}. It is valid for 10 minutes.',
  'tickets.code.sent': 'A code was sent to {email}.',

  'tickets.attachments.label': 'Attachments',
  'tickets.attachments.labelRequired': 'Attachments (required)',
  'tickets.attachments.count': '{count} of {max}',
  'tickets.attachments.hint': 'Up to {max} files of at most {size} each: {types}.',
  'tickets.attachments.add': 'Add files',
  'tickets.attachments.chosen': 'Files to attach',
  'tickets.attachments.uploading': 'Uploading…',
  'tickets.attachments.uploaded': 'Uploaded',
  'tickets.attachments.failed': 'Upload failed.',
  'tickets.attachments.remove': 'Remove {name}',
  'tickets.attachments.removeShort': 'Remove',
  'tickets.attachments.refusedTitle': 'Some files were not added',
  'tickets.attachments.refusedType': '{name}: this type of file is not accepted. Use {types}.',
  'tickets.attachments.refusedSize': '{name} is larger than {size}.',
  'tickets.attachments.refusedEmpty': '{name} is empty.',
  'tickets.attachments.refusedCount': '{name}: a ticket takes at most {max} files.',
  'tickets.attachments.download': 'Download',
  'tickets.attachments.openFailed': 'The attachment could not be opened.',

  'tickets.detail.conversation': 'Conversation',
  'tickets.detail.details': 'Details',
  'tickets.detail.actions': 'Actions',
  'tickets.detail.customerService': 'Customer service',
  'tickets.detail.readOnly':
    'Submitted by {name}. You can follow this ticket; only its submitter can act on it.',
  'tickets.detail.reply': 'Your reply',
  'tickets.detail.send': 'Send reply',
  'tickets.detail.replied': 'Your reply was sent.',
  'tickets.detail.closedNoReplies': 'This ticket is closed and takes no more replies.',
  'tickets.detail.canceledNoReplies': 'This ticket is canceled. Restart it to continue.',
  'tickets.detail.cancel': 'Cancel ticket',
  'tickets.detail.cancelHint': 'Nobody has picked it up yet. You can restart it later.',
  'tickets.detail.cancelTitle': 'Cancel this ticket?',
  'tickets.detail.cancelConfirm':
    'Customer service will not work on it. You can restart it from this page.',
  'tickets.detail.canceled': 'The ticket was canceled.',
  'tickets.detail.restart': 'Restart ticket',
  'tickets.detail.restartHint': 'Put it back in the queue of customer service.',
  'tickets.detail.restarted': 'The ticket is back in the queue.',
  'tickets.detail.close': 'Close ticket',
  'tickets.detail.closeHint':
    'Close the ticket if the answer solved your problem. Without a reply it closes by itself after 7 days.',
  'tickets.detail.closeHintOpen': 'Close the ticket if you no longer need help with it.',
  'tickets.detail.closeTitle': 'Close this ticket?',
  'tickets.detail.closeConfirm':
    'A closed ticket takes no more replies and cannot be reopened. You can rate the help you got.',
  'tickets.detail.closed': 'The ticket was closed. You can rate the help you got.',
  'tickets.detail.keepOpen': 'Keep it',

  'tickets.verification.title': 'Identity checks',
  'tickets.verification.password': 'Password',
  'tickets.verification.email': 'Email',
  'tickets.verification.verified': 'verified',
  'tickets.verification.notVerified': 'not verified',
  'tickets.verification.from': 'Submitted from',
  'tickets.verification.fromLogin': 'The login page, before the MFA code',
  'tickets.verification.fromConsole': 'The console, after logging in',

  'tickets.rating.title': 'Rating',
  'tickets.rating.legend': 'How well did customer service help?',
  'tickets.rating.score': '{score} of {max} stars',
  'tickets.rating.choose': 'Choose from 1 to 5 stars.',
  'tickets.rating.comment': 'Comment (optional)',
  'tickets.rating.submit': 'Submit rating',
  'tickets.rating.thanks': 'Thank you for your rating.',

  'tickets.lost.lead': 'Lost your phone?',
  'tickets.lost.link': 'Unbind MFA',
  'tickets.lost.title': 'Unbind MFA',
  'tickets.lost.subtitle':
    'Your password for {email} is verified. Verify your email too, and customer service will review the request and unbind MFA.',
  'tickets.lost.prefillTitle': 'Unbind MFA: lost authenticator',
  'tickets.lost.descriptionTemplate':
    'What happened to your authenticator (phone lost, reset or replaced), and when:\n\nWhen you last logged in with MFA, roughly:\n\nThe workspaces you belong to:\n\nA phone number or other way to reach you:\n',
  'tickets.lost.descriptionHint':
    'Answer under each question; customer service uses it to confirm the account is yours. You can attach a photo of an ID document.',
  'tickets.lost.backToCode': 'Back to the code',
  'tickets.lost.doneTitle': 'Your ticket is submitted',
  'tickets.lost.number': 'Ticket number',
  'tickets.lost.doneText':
    'We sent a confirmation to {email}. Keep the ticket number for reference.',
  'tickets.lost.nextTitle': 'What happens next',
  'tickets.lost.next1':
    'Customer service reviews your request. Your MFA stays bound until they have checked it.',
  'tickets.lost.next2': 'When MFA is unbound, we email {email}.',
  'tickets.lost.next3':
    'Then log in with your password alone, and bind MFA again in Account Management > Security Settings.',

  'support.queue': 'Ticket queue',
  'support.backToQueue': 'Customer Service',
  'support.accept': 'Accept ticket',
  'support.accepted': 'You accepted the ticket. The submitter was told by email.',
  'support.acceptFirst': 'Accept the ticket to reply to it or process it.',
  'support.ownTicket':
    'You submitted this ticket, so another agent has to process it. You can read it only.',
  'support.reply': 'Reply to the submitter',
  'support.sendReply': 'Send reply',
  'support.replied': 'Your reply was sent; the submitter was told by email.',
  'support.close': 'Close ticket',
  'support.closeHint': 'Close it once the request is dealt with. The submitter can rate the help.',
  'support.closeTitle': 'Close this ticket?',
  'support.closeConfirm': 'The submitter is told by email. A closed ticket cannot be reopened.',
  'support.closed': 'The ticket was closed.',
  'support.review.title': 'Unbind MFA review',
  'support.review.subtitle':
    'Check who is asking before unbinding. Nothing is unbound until you confirm.',
  'support.review.account': 'Account',
  'support.review.mfa': 'MFA',
  'support.review.unboundAt': 'Unbound on {time}',
  'support.review.unbindHint':
    'Unbinding lets the account log in with its password alone. The submitter gets your reply and an email.',
  'support.review.acceptToUnbind': 'Accept the ticket to unbind MFA.',
  'support.review.cannotUnbind': 'MFA cannot be unbound from this ticket in its current status.',
  'support.unbind': 'Unbind MFA',
  'support.unbindTitle': 'Unbind MFA from this account?',
  'support.unbindConfirm':
    'The authenticator app is unbound from {email} at once, and the account logs in with its password alone. The submitter gets your reply and an email.',
  'support.unbindReply': 'Reply to the submitter',
  'support.unbindDefaultReply':
    'We have checked your request and unbound MFA from your account. Log in with your password, then bind MFA again in Account Management > Security Settings.',
  'support.unbindAndReply': 'Unbind and reply',
  'support.unbindCode': 'Your 6-digit dynamic security code',
  'support.unbindCodeHint': 'A fresh code from your own authenticator app confirms it is you.',
  'support.signals.title': 'Signals',
  'support.signals.risky': 'needs a closer look',
  'support.signals.password': 'Password verified when filed',
  'support.signals.email': 'Email verified with a code',
  'support.signals.accountAge': 'Account age',
  'support.signals.ageToday': 'Less than a day',
  'support.signals.ageOneDay': '1 day',
  'support.signals.ageDays': '{count} days',
  'support.signals.createdOn': 'Created on {date}',
  'support.signals.lastMfaLogin': 'Last login with MFA',
  'support.signals.never': 'Never',
  'support.signals.wrongCodes': 'Wrong codes in the last 24 h',
  'support.signals.otherRequests': 'Other open Unbind MFA requests',
  'support.mfaRequired.title': 'Bind MFA to use the customer-service console',
  'support.mfaRequired.text':
    "Customer service can remove members' MFA, so it needs MFA of its own. Bind an authenticator app to your account, then come back.",
  'support.mfaRequired.action': 'Bind MFA now',
  'support.unbound': 'MFA was unbound from {email}, and your reply was sent.',
} as const;
