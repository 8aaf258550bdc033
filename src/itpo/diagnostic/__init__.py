"""The AI and Industry 4.0 readiness diagnostic: a manufacturer scores itself on sixteen
dimensions of process, technology and organisation (bands 0-5), sees the gaps that matter most
for its sector, and gets a draft technology need for each, matched at once to live offers."""
