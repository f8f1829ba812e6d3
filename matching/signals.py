"""What happened to matches, for whoever tells people about it (notifications, digests).

Matching sends these after the change is committed; it does not know who listens.
"""

from django.dispatch import Signal

# sender=Introduction, introduction=…: a request to the other side of a match.
introduction_requested = Signal()
# sender=Introduction, introduction=…: accepted or declined (see introduction.status).
introduction_answered = Signal()
# sender=Introduction, introduction=…: nobody answered in time; the requester is told.
introduction_expired = Signal()
# sender=Cohort, cohort=…, pairs=[CohortPair]: each pair is told of its assignment.
cohort_published = Signal()
# sender=ProgramInvitation, invitation=…: an officer invited an organisation to apply.
program_invitation_sent = Signal()
