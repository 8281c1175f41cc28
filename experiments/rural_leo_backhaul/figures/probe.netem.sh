#!/bin/sh
# netsim export: flow probe, 26 route(s), delay auto
# Replays delay, jitter, loss and rate with Linux tc-netem(8); run as root.
# Usage: sh THIS_SCRIPT [DEVICE]; the schedule times are simulated seconds.
set -e
DEV="${1:-eth0}"
tc qdisc replace dev "$DEV" root netem delay 6.031739ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.031739ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.048526ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.048527ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.066219ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.066220ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.084795ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.084795ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.104229ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.114262ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.124500ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.134841ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.145583ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.156422ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.167456ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.173622ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.184197ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.194956ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.205899ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.217022ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.228322ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.229568ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.241215ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.253033ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.265017ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.277167ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.289478ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.301950ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.314578ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.327362ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.340298ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.353385ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.366619ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.379998ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.393520ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.407184ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.420986ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.446829ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.460900ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.475104ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.489437ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.515717ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.530303ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.545012ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.570980ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.585929ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.600996ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.629234ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.644529ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.659935ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.690395ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.706019ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.732743ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.748576ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.776319ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.792355ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.821099ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.837330ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.867056ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.883477ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.914166ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.911436ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.898923ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.874670ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.862458ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.850396ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.838493ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.826748ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.804473ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.793051ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.781794ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.770703ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.759782ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.749033ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.738457ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.728057ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.717836ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.707795ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.707793ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.688266ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.688263ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.669486ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.669484ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.651474ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.651472ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.634249ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.634247ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.617827ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.617825ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.602226ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.602225ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.598835ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.598833ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.584926ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.552844ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.536313ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.502452ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.486127ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.453249ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.437137ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.405265ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.389375ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.358531ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.342871ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.313086ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.297664ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.268959ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.253785ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.226183ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.211266ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.184791ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.170141ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.144816ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.130443ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.116211ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.087581ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.073642ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.059854ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.033716ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.020236ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.006914ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.983328ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.970332ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.957503ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.944841ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.921733ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.909423ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.897291ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.885340ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.873575ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.861997ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.850610ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.839417ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.828422ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.817626ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.807034ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.796648ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.786472ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.777736ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.765330ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.753101ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.741054ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.729190ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.717513ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.706027ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.694733ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.683636ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.672738ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.662042ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.651552ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.641270ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.644311ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.644309ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.624819ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.636217ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.617611ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.617609ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.613540ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.613538ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.607077ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.607076ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.602530ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.602529ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.599905ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.599904ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.599211ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.599210ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.600451ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.600450ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.603629ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.603628ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.608746ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.608746ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.625411ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.611408ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628910ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628910ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.635716ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.635716ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.654836ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.654836ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.661412ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.650685ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.640147ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.629798ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.619642ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.619640ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.589827ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.589825ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.570906ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.570904ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.552810ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.552809ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.535559ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.535557ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.519171ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.519170ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.513675ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.513673ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.499074ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.499073ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.497375ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.497374ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.484636ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.496544ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.484763ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.484762ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.488319ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.488319ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.499233ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.484878ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.496842ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.496841ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.497751ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.497750ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.511755ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.511755ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.514233ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.514233ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.530194ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.530194ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547099ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547099ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.554004ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.554004ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.572726ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.572727ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.592321ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.596341ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.606719ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.617305ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628095ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.626343ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.637532ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.648916ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.660493ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.672258ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.674145ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.686278ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.698591ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.711081ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.723744ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.736579ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.749581ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.762747ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.776075ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.789563ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.803207ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.817005ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.830953ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.845049ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.859291ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.873675ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.900452ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.915114ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.929912ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.944842ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.973459ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.988647ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.003960ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.032241ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.047798ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.063474ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.094360ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.110266ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.137571ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.153699ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.182184ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.198526ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.228166ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.244714ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.269798ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.269798ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.286043ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.286044ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.303174ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.303175ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.319100ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.321170ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.335375ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.340009ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.340191ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.358088ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.347640ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.366320ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.366320ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.385764ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.384724ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.394912ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.405281ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.415829ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.426552ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.437452ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.438229ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.449472ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.460882ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.472457ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.484196ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.496095ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.508153ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.520366ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.532734ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.545254ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.557922ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.570738ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.583698ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.596804ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.610048ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.623430ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.636948ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.662735ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.676520ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.690435ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.704477ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.730317ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.744610ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.759025ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.784471ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.799125ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.813894ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.841515ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.856512ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.871619ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.874377ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.849740ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.835550ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.821491ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.793475ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.779681ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.766024ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.740110ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.726729ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.713494ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.689725ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.676783ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.663992ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.651352ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.627332ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.615004ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.602836ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.590829ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.578986ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.557294ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.545787ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.534452ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.523291ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.512307ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.501502ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.490879ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.480439ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.470187ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.460123ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.460121ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.440574ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.440572ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.421811ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.421809ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.403855ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.403851ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.386723ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.386722ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.370439ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.370437ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.367049ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.367047ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.352511ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.352510ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.351018ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.351017ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.338299ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.339849ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.323753ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.291128ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.275253ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.243688ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.228048ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.197570ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.182170ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.152804ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.137654ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.109427ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.094537ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.067473ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.052853ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.026978ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.012638ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.987977ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.973927ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.960025ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.932350ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.918755ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.905317ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.880275ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.867161ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.854212ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.841430ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.816558ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.804124ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.791868ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.779793ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.767902ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.756197ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.733751ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.722429ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.711303ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.700376ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.689652ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.679134ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.668823ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.658725ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.658653ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.639176ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.634215ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.620512ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.610509ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.598938ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.587558ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.576374ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.577403ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.566618ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.556037ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.545665ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547833ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547832ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.528154ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.540164ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.521366ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.521364ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.517807ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.517805ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.511665ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.511664ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.507473ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.507472ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.505236ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.505235ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.504958ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.504958ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.506644ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.506643ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.510293ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.510293ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.515906ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.515905ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.533307ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.518976ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.537237ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.537237ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.544490ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.544490ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564406ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.574664ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.573268ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.583915ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.594752ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.605776ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.616986ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628378ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.639949ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.651698ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.655537ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.655536ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.638269ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.638267ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.621821ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.621820ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.606213ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.606212ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.591461ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.591460ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.577582ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.577581ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.576114ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.576111ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564028ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.575667ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564504ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564503ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.568407ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.568406ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.579184ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.565621ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.577465ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.577464ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.578962ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.578962ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.592876ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.592876ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.596040ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.596040ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.611938ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.611938ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628794ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628794ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.636436ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.636437ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.655134ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.655135ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.674717ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.684832ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.695158ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.705693ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.716433ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.727376ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.738518ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.749855ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.761386ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.773106ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.787355ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.799280ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.800620ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.812903ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.825362ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.837992ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.850791ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.863756ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.876885ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.890173ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.903619ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.917220ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.930974ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.944876ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.958926ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.973120ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.997780ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.012255ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.026866ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.041611ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.068491ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.083497ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.098630ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.125470ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.140850ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.156351ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.185726ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.201460ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.227665ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.243624ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.270984ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.287160ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.315653ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.332038ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.361640ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.378227ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.408917ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.425697ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.457448ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.474415ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.507204ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.524351ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.558153ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.566477ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.570760ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.570760ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.587844ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.577562ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.595409ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.595409ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.614001ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.603035ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.622356ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.622357ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.642389ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.652667ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.663117ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.663240ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.674027ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.684978ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.696093ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.707368ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.718803ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.730394ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.742139ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.754037ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.766086ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.778282ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.790625ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.803113ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.815742ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.828512ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.841420ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.854465ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.867643ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.892795ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.906237ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.893763ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.877925ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.847759ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.832136ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.802914ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.787515ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.759257ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.744089ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.716813ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.701884ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.675610ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.660930ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.635675ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.621248ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.606956ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc del dev "$DEV" root
