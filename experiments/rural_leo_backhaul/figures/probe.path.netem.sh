#!/bin/sh
# netsim export: flow probe, satellite route per epoch
# Replays delay, jitter, loss and rate with Linux tc-netem(8); run as root.
# Usage: sh THIS_SCRIPT [DEVICE]; the schedule times are simulated seconds.
set -e
DEV="${1:-eth0}"
tc qdisc replace dev "$DEV" root netem delay 5.173949ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.173949ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.190736ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.190736ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.208428ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.208428ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.227002ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.227002ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.246436ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.256467ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.266704ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.277145ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.287785ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.306477ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.316673ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.315837ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.326412ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.337171ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.348113ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.359235ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.370535ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.371780ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.383427ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.395244ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.407227ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.419376ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.431686ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.444157ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.456784ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.469567ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.482502ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.495587ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.508819ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.522197ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.535718ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.549379ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.563179ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.589020ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.603090ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.617291ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.631622ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.657900ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.672484ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.687191ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.713156ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.728103ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.743168ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.771403ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.786695ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.802099ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.832556ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.848177ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.874898ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.890728ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.918468ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.934501ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.963241ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.979470ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.009192ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.025610ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.056295ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.053555ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.041046ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.016796ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.004587ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.992532ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.980633ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.968891ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.946619ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.935199ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.923945ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.912857ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.901939ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.891192ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.880619ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.870222ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.860003ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.849965ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.849965ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.830440ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.830440ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.811665ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.811665ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.793657ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.793657ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.776435ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.776435ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.760017ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.760017ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.744419ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.744419ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.741031ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.741031ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.729797ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.694983ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.678458ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.644602ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.628281ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.595408ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.579301ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547434ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.531548ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.500713ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.485057ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.455277ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.439859ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.411158ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.395989ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.368391ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.353478ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.327007ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.312361ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.287040ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.272670ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.258443ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.229816ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.215881ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.202096ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.175961ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.162485ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.149166ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.125584ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.112591ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.099764ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.087108ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.064003ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.051695ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.039565ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.027618ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.015855ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.004280ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.992895ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.981705ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.970712ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.959918ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.949328ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.938944ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.928770ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.920017ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.907613ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.895387ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.883342ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.871481ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.859807ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.848322ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.837031ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.825936ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.815040ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.804346ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.793858ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.783578ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.786621ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.786621ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.767132ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.778531ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.759927ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.759927ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.755859ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.755859ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.749399ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.749399ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.744854ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.744854ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.742231ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.742231ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.741538ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.741538ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.742779ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.742779ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.745958ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.745958ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.751076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.751076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.767741ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.753738ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.771241ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.771241ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.778046ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.778046ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797166ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797166ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.803681ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.792957ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.782421ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.772075ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.761921ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.761921ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.732111ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.732111ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.713196ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.713196ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.695104ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.695104ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.677856ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.677856ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.661472ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.661472ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.655978ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.655978ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.641381ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.641381ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.639684ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.639684ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.626947ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.638856ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.627076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.627076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.630634ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.630634ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.641549ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.627195ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.639159ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.639159ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.640069ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.640069ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.654074ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.654074ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.656552ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.656552ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.672513ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.672513ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.689418ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.689418ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.696322ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.696322ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.715043ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.715043ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.740733ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.738655ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.749033ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.759618ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.770408ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.768656ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.779845ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.791229ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.802805ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.814569ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.816457ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.828589ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.840902ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.853390ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.866053ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.878886ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.891886ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.905052ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.918379ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.931865ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.945508ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.959304ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.973251ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.987345ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.001585ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.015968ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.042743ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.057404ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.072199ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.087127ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.115742ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.130928ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.146239ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.174518ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.190073ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.205746ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.236628ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.252532ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.279835ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.295960ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.324443ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.340782ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.370419ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.386964ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.411956ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.411956ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.428201ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.428201ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.445331ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.445331ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.463325ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.463325ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.477549ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.482365ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.482365ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.500262ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.489814ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.508494ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.508494ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.527939ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.526898ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.537086ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.547454ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.558002ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.568728ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.579627ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.580404ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.591646ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.603055ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.614630ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.626367ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.638266ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.650322ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.662535ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.674901ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.687419ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.700086ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.712900ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.725858ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.738960ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.752202ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.765582ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.779099ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.804884ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.818666ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.832579ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.846620ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.872457ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.886748ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.901160ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.926605ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.941256ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.956023ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.983640ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.998635ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.013740ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.016490ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.991857ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.977672ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.963617ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.935605ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.921815ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.908162ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.882252ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.868878ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.855647ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.831881ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.818943ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.806155ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.793518ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.769502ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.757177ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.745012ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.733008ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.721169ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.699479ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.687975ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.676643ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.665485ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.654503ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.643701ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.633080ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.622643ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.612393ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.602332ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.602332ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.582787ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.582787ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564028ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.564028ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.546076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.546076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.528949ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.528949ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.512668ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.512668ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.509281ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.509281ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.494746ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.494746ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.493255ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.493255ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.480538ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.482020ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.465929ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.433309ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.417441ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.385882ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.370246ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.339772ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.324377ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.295015ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.279870ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.251646ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.236761ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.209701ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.195085ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.169214ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.154877ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.130220ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.116173ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.102276ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.074604ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.061012ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.047578ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.022539ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.009427ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.996482ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.983705ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.958836ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.946405ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.934152ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.922079ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.910190ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.898488ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.876045ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.864725ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.853602ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.842678ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.831956ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.821439ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.811131ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.801035ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.801035ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.781489ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.781489ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.762829ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.752809ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.741239ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.729862ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.718680ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.719711ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.708928ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.698350ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.687979ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.690150ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.690150ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.670473ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.682485ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.663689ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.663689ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.660132ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.660132ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.653994ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.653994ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.649804ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.649804ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.647568ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.647568ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.647293ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.647293ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.648979ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.648979ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.652630ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.652630ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.658243ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.658243ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.675645ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.661314ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.679575ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.679575ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.686829ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.686829ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.706745ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.717002ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.715606ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.726252ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.737089ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.748114ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.759323ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.770714ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.782285ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.794033ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797807ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797807ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.780542ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.780542ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.764098ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.764098ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.748492ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.748492ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.733743ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.733743ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.719866ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.719866ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.718401ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.718401ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.706319ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.717959ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.706797ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.706797ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.710701ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.710701ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.721480ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.707918ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.719762ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.719762ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.721260ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.721260ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.735175ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.735175ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.738339ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.738339ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.754237ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.754237ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.771092ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.771092ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.778734ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.778734ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797432ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.797432ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.817013ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.827127ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.837453ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.847987ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.858726ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.869668ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.883813ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.894985ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.906351ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.917905ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.929647ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.941571ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.942910ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.955193ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.967650ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.980280ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 4.993078ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.006042ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.019169ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.032456ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.045901ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.059501ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.073253ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.087154ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.101202ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.115394ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.140053ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.154526ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.169135ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.183879ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.210756ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.225760ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.240891ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.267729ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.283107ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.298605ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.327976ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.343708ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.369910ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.385867ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.413224ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.429398ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.457888ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.474270ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.503869ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.520452ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.551138ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.567915ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.599662ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.616626ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.649411ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.666554ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.700353ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.708608ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.712891ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.712891ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.729976ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.719694ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.737541ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.737541ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.756133ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.745167ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.764487ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.764487ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.784520ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.794797ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.805246ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.805369ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.816154ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.827105ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.838219ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.849493ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.860926ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.872516ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.884261ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.896158ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.908205ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.920400ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.932742ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.945228ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.957856ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.970624ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.983530ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.996573ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.009750ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.034900ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.048339ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.035859ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 6.020026ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.989864ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.974247ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.945029ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.929635ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.901381ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.886218ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.858947ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.844023ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.817753ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.803076ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.777826ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.763406ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc change dev "$DEV" root netem delay 5.749118ms 0.000000ms loss 0% rate 88080000bit
sleep 1.000000
tc qdisc del dev "$DEV" root
