#pragma once
// IRQ lines (after QEMU's qemu_irq and gem5's IntSourcePin/IntSinkPin): a
// device owns output lines and sets their level; whoever the board connected
// the line to sees only changes. Devices never learn who receives their IRQs.
namespace emu {

class IrqSink {
public:
    virtual ~IrqSink() = default;
    virtual void set_irq_level(int input, bool level) = 0;
};

class IrqLine {
public:
    void connect(IrqSink& sink, int input) {
        m_sink = &sink;
        m_input = input;
    }
    bool connected() const { return m_sink != nullptr; }
    void set(bool level) {
        if (level == m_level) return;
        m_level = level;
        if (m_sink) m_sink->set_irq_level(m_input, level);
    }
    void raise() { set(true); }
    void lower() { set(false); }
    void pulse() {
        raise();
        lower();
    }
    bool level() const { return m_level; }

private:
    IrqSink* m_sink = nullptr;
    int m_input = 0;
    bool m_level = false;
};

}  // namespace emu
