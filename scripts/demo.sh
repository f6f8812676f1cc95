# emu demo: what a student sees on a 2-CPU machine at HZ=250.
echo "== processes: kernel threads in brackets"
ps
echo "== two CPU hogs for a second"
yes > /dev/null &
A=$!
yes > /dev/null &
B=$!
sleep 1
ps
kill $A $B
echo "== interrupts and softirqs after one second of two busy CPUs"
cat /proc/interrupts
cat /proc/softirqs
cat /proc/uptime
